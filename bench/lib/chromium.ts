// Debian's Chromium for the screen benchmarks: the one launch setting of scripts/chromium.mjs (TESTING.md).
export { CHROME_PATH, chromiumAvailable, launchOptions } from '../../scripts/chromium.mjs';
