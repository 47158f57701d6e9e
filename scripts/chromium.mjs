// Where Debian's Chromium lives and how to launch it headless here (TESTING.md); shared by scripts and tests.
import { existsSync } from 'node:fs';

export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/**
 * Features Playwright turns off (playwright-core's chromiumSwitches.ts, the version in package-lock.json). Chromium
 * reads only the last `--disable-features` of its command line, so a list of ours must repeat Playwright's:
 * tests/tooling/chromium-launch.test.ts fails when an upgrade of Playwright changes it.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * The omnibox popup's WebUI: every fresh browser process loads chrome://omnibox-popup.top-chrome in a renderer of its
 * own ("WebUI Top Renderer", ≈ 400 module scripts) in the background, ≈ 0.7 s of CPU in its first second or two —
 * on this machine's 2 cores, beside the page being started. A tablet's browser does not; the cold-start benchmark
 * (4a) measured it inside both its page's and its floor's starts (docs/performance.md, nineteenth session).
 */
export const DANGOL_DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

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
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...DANGOL_DISABLED_FEATURES].join(',')}`,
];

export function chromiumAvailable() {
  return existsSync(CHROME_PATH);
}

export function launchOptions(extra = {}) {
  return { executablePath: CHROME_PATH, args: CHROME_ARGS, ...extra };
}
