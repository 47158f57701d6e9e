// Where Debian's Chromium lives and how to launch it headless here (TESTING.md); shared by scripts and tests.
import { existsSync } from 'node:fs';

export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function chromiumAvailable() {
  return existsSync(CHROME_PATH);
}

export function launchOptions(extra = {}) {
  return { executablePath: CHROME_PATH, args: CHROME_ARGS, ...extra };
}
