// `npm run bench` (issue 6): builds the app and the floor page, starts the real server on SQLite, seeds the
// 10x market, runs every benchmark several times, prints a table and writes bench/results.json.
// BENCH_QUICK=1 runs fewer, smaller repetitions (for trying changes; not for the README figures).
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromiumAvailable, CHROME_PATH } from './lib/chromium';
import { initialJsGzip } from './lib/size';
import { startBenchServer } from './lib/server';
import { benchScreens } from './screens-bench';
import { benchDrain, benchLocalWrites, benchPull, type Measured } from './sync-bench';
import { benchBrowserDrain } from './browser-drain';
import type { OutboxEntry } from '../src/app/db/database';
import { printTable } from './lib/table';
import { summarize } from './lib/stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const QUICK = process.env.BENCH_QUICK === '1';
/** BENCH_TMP=<dir> puts the builds and results.json there, so two runs at once do not overwrite each other. */
const TMP = process.env.BENCH_TMP ? path.resolve(process.env.BENCH_TMP) : path.join(ROOT, '.tmp');
const APP_DIST = path.join(TMP, 'bench-dist');
const FLOOR_DIST = path.join(TMP, 'bench-floor-dist');
const RESULTS = process.env.BENCH_TMP ? path.join(TMP, 'results.json') : path.join(ROOT, 'bench', 'results.json');
const REPS = QUICK ? 2 : 5;
const DRAIN_RUNS = 5;
/** Unmeasured drain rounds (drain and floor) before the counted ones: a long-running server's steady state. */
const DRAIN_WARM_UPS = 1;
/** BENCH_ONLY=sync or BENCH_ONLY=screens runs one half (for trying changes). */
const ONLY = process.env.BENCH_ONLY ?? '';

function build(args: string[]) {
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, VITE_BUILD_ID: 'bench' },
  });
  if (r.status !== 0) throw new Error(`vite build ${args.join(' ')} failed`);
}

async function main() {
  const started = performance.now();
  const section = (s: string) => console.log(`\n== ${s} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  section('build: app and floor page');
  if (process.env.BENCH_NOBUILD !== '1') {
    build(['--outDir', APP_DIST, '--emptyOutDir']);
    build(['--config', 'bench/floor-app/vite.config.ts', '--outDir', FLOOR_DIST, '--emptyOutDir']);
  }

  section('server: seeding the 10x market');
  const bs = await startBenchServer(APP_DIST);
  console.log(`  ${bs.recordCount} records seeded on ${bs.url}`);
  const results: Measured[] = [];
  const info: Record<string, unknown> = {};
  let drainTemplate: OutboxEntry[] = [];
  const syncBenches = async () => {
    section(`2. fresh tablet pull x${QUICK ? 1 : 3}`);
    const pulled = await benchPull(bs, QUICK ? 1 : 3);
    results.push(pulled.result);

    // Five counted drains after one warm-up round (see benchDrain): the first drain of a run is the server's first
    // push ever (its code not yet optimized) right after 10,000 writes through the app.
    const drainRuns = QUICK ? 1 : DRAIN_RUNS;
    section(`1. sync drain: ${DRAIN_WARM_UPS} warm-up + x${drainRuns}`);
    const drain = await benchDrain(bs, pulled.tablet, QUICK ? 2000 : 10_000, drainRuns, DRAIN_WARM_UPS);
    results.push(drain.result);
    drainTemplate = drain.template;

    section('3. local writes');
    results.push(...(await benchLocalWrites(bs, pulled.tablet, QUICK ? 50 : 200)));
  };
  const screenResults: Measured[] = [];
  try {
    section('5. size');
    const app = await initialJsGzip(APP_DIST);
    const floor = await initialJsGzip(FLOOR_DIST);
    info.initialJs = { app, floor, ratio: app.gzipBytes / floor.gzipBytes };
    // The screens first, on the market as seeded (ten times real size): the sync benchmarks grow it — every drain
    // creates thousands of notes and step events — and until the eighth session the screens ran after them, on a
    // market ≈ 40% larger than the (the app's pull in Chromium 29.6 s instead of 20.4 s; cold start 1.59x
    // its floor there, 1.28x on the 10x market, same build, same hour). Nothing the screens do writes to the server.
    if (ONLY === 'sync') {
      // screens not asked for
    } else if (chromiumAvailable()) {
      section(`4. screens in Chromium (${CHROME_PATH}), CPU 4x, x${REPS}`);
      const screens = await benchScreens(bs, FLOOR_DIST, REPS);
      screenResults.push(...screens.measured);
      info.heap = screens.heap;
      info.browserPullMs = Math.round(screens.browserPullMs);
    }
    if (ONLY !== 'screens') await syncBenches();
    results.push(...screenResults);
    if (drainTemplate.length > 0 && chromiumAvailable()) {
      section(`1b. sync drain in Chromium (real IndexedDB, unthrottled) x${QUICK ? 1 : 3}`);
      const runs = summarize(await benchBrowserDrain(bs, drainTemplate, QUICK ? 1 : 3));
      const floor = results.find((r) => r.name.startsWith('1. '))?.floor.median ?? Number.NaN;
      info.browserDrain = { ...runs, floorMedian: floor, ratio: runs.median / floor };
    }
    if (!chromiumAvailable()) {
      console.error(
        `!! SCREEN BENCHMARKS SKIPPED: no Chromium at ${CHROME_PATH} (apt-get install chromium or CHROME_PATH)`,
      );
    }
  } finally {
    await bs.close();
  }

  printTable(results, info);
  const out = {
    at: new Date().toISOString(),
    quick: QUICK,
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version },
    records: bs.recordCount,
    results,
    info,
    totalSeconds: Math.round((performance.now() - started) / 1000),
  };
  writeFileSync(RESULTS, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(ROOT, RESULTS)} (${out.totalSeconds} s in all).`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
