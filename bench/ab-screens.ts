// A/B of the screens between builds, for judging one change on a noisy machine (not part of `npm run bench`).
// One seeded bench server and one enrolled Chromium profile per build; then, per round, a cold start offline at
// CPU 4x of the floor page and of each build in turn (in the reverse order every other round), the 점포 tab tap
// right after it and three stall openings (the bench's own probes, same order and timing as benchmark 4). Prints
// every round and the medians.
//
//   npx vite build --outDir /tmp/a && <change> && npx vite build --outDir /tmp/b
//   npx vite build --config bench/floor-app/vite.config.ts --outDir /tmp/floor
//   REPS=8 node --import tsx bench/ab-screens.ts /tmp/floor /tmp/a /tmp/b
//
// Builds made with `--minify false` keep module names for CPU profiles; profile one with CDP by hand if needed.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBenchServer, type BenchServer } from './lib/server';
import * as probe from './lib/page-probes';
import { serveStatic } from './lib/static-server';
import { launch, prepareApp } from './screens-bench';

interface Build {
  name: string;
  bs: BenchServer;
  dir: string;
  cold: number[];
  tap: number[];
  firstOpen: number[];
  opens: number[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function coldStart(dir: string, url: string, selector: string, taps: boolean) {
  const { ctx, page } = await launch(dir, true);
  try {
    await page.addInitScript({ content: probe.readyProbe(selector) });
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction('typeof window.__ready === "number"', undefined, { timeout: 180_000, polling: 250 });
    const ms = (await page.evaluate('window.__ready')) as number;
    if (!taps) return { ms, tap: NaN, opens: [] as number[] };
    await page.evaluate(probe.rafFloor);
    const tap = (await page.evaluate(
      probe.clickAndWait('nav a[href="/stalls"]', 0, 'main ul[aria-label] > li'),
    )) as number;
    const opens: number[] = [];
    for (let k = 0; k < 3; k++) {
      opens.push(
        (await page.evaluate(
          probe.clickAndWait('main ul[aria-label] > li a', k * 2, '[role="feed"] article'),
        )) as number,
      );
      await page.evaluate(probe.backTo('main ul[aria-label] > li'));
    }
    return { ms, tap, opens };
  } finally {
    await ctx.close();
  }
}

async function main() {
  const [floorDist, ...appDists] = process.argv.slice(2);
  if (!floorDist || appDists.length === 0) {
    throw new Error('usage: node --import tsx bench/ab-screens.ts <floorDist> <appDist> [<appDist>...]');
  }
  const reps = Number(process.env.REPS ?? 6);
  const builds: Build[] = [];
  for (const name of appDists) {
    const bs = await startBenchServer(name);
    const dir = await mkdtemp(path.join(tmpdir(), 'dangol-ab-app-'));
    await prepareApp(dir, bs);
    builds.push({ name, bs, dir, cold: [], tap: [], firstOpen: [], opens: [] });
  }
  const floorDir = await mkdtemp(path.join(tmpdir(), 'dangol-ab-floor-'));
  const floor = await serveStatic(floorDist);
  const floorCold: number[] = [];
  try {
    {
      const { ctx, page } = await launch(floorDir, false);
      await page.goto(`${floor.url}/`);
      await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
      await page.reload();
      await page.waitForSelector('.today', { timeout: 120_000 });
      await ctx.close();
    }
    for (let i = 0; i < reps; i++) {
      const f = await coldStart(floorDir, `${floor.url}/`, '.today', false);
      floorCold.push(f.ms);
      const line = [`round ${i + 1}: floor ${f.ms.toFixed(0)}`];
      // The builds' order turns each round: the later cold start of a round was the faster in three of four A/Bs
      // that ran them in the same order every round (fourteenth session).
      const order = [...builds.entries()];
      if (i % 2 === 1) order.reverse();
      for (const [j, b] of order) {
        const r = await coldStart(b.dir, `${b.bs.url}/today`, '.today .visit-count', true);
        b.cold.push(r.ms);
        b.tap.push(r.tap);
        b.firstOpen.push(r.opens[0]!);
        b.opens.push(...r.opens);
        line.push(
          `#${j} ${r.ms.toFixed(0)} (${(r.ms / f.ms).toFixed(2)}x) tap ${r.tap.toFixed(0)} opens ${r.opens.map((o) => o.toFixed(0)).join(' ')}`,
        );
      }
      console.log(line.join('  '));
    }
    console.log(`\nmedians over ${reps} rounds (floor cold start ${median(floorCold).toFixed(0)} ms):`);
    for (const [j, b] of builds.entries()) {
      console.log(
        `#${j} ${b.name}: cold start ${(median(b.cold) / median(floorCold)).toFixed(2)}x, tab tap ${median(b.tap).toFixed(0)} ms (max ${Math.max(...b.tap).toFixed(0)}), first opening ${median(b.firstOpen).toFixed(0)} ms, openings ${median(b.opens).toFixed(0)} ms (max ${Math.max(...b.opens).toFixed(0)})`,
      );
    }
  } finally {
    for (const b of builds) await b.bs.close();
    await floor.close();
  }
}

await main();
process.exit(0);
