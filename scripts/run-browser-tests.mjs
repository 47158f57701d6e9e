// `npm run test:browser`: builds the PWA twice (the version under test and a "next" version for the update
// test), then runs tests/browser/*.test.mjs in Debian's Chromium against the real server, one file at a time.
// Usage: node scripts/run-browser-tests.mjs [name-filter...]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROME_PATH, chromiumAvailable } from './chromium.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const CI = process.env.CI === 'true' || process.env.CI === '1';

function loud(lines) {
  const bar = '!'.repeat(78);
  console.error(`\n${bar}\n${lines.map((l) => `!!  ${l}`).join('\n')}\n${bar}\n`);
}

if (!chromiumAvailable()) {
  const lines = [
    `BROWSER TESTS SKIPPED: no Chromium at ${CHROME_PATH}.`,
    'Not run: service worker / offline / deep links / update prompt / installability / axe / screenshots.',
    'Install it with:  sudo apt-get install -y chromium   (or set CHROME_PATH to a Chromium binary)',
  ];
  if (CI) {
    loud([...lines, 'CI=true: the browser tests are required, so this is a FAILURE.']);
    process.exit(1);
  }
  loud(lines);
  process.exit(0);
}

const work = mkdtempSync(path.join(tmpdir(), 'dangol-browser-build-'));
const dist = path.join(work, 'dist');
const distNext = path.join(work, 'dist-next');

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

let status;
try {
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  for (const [outDir, id] of [
    [dist, 'browser-test-1'],
    [distNext, 'browser-test-2'],
  ]) {
    console.log(`\n== vite build (VITE_BUILD_ID=${id}) -> ${outDir}`);
    if (
      run(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
        VITE_BUILD_ID: id,
      }) !== 0
    ) {
      throw new Error('vite build failed');
    }
  }

  const filters = process.argv.slice(2);
  const files = readdirSync(path.join(ROOT, 'tests', 'browser'))
    .filter((f) => f.endsWith('.test.mjs'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .map((f) => path.join('tests', 'browser', f));
  if (files.length === 0) throw new Error(`no browser tests match ${filters.join(' ')}`);

  console.log(`\n== ${files.length} browser test file(s) in ${CHROME_PATH}`);
  status = run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
    DANGOL_DIST: dist,
    DANGOL_DIST_NEXT: distNext,
  });
} catch (e) {
  console.error(`browser tests could not run: ${e instanceof Error ? e.message : String(e)}`);
  status = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(status);
