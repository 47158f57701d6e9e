// Probe: does a CSS rule make stall openings (bench 4c) faster? An A/B in the same pages: the rule (CSS) is in a
// <style> switched on for every other opening, so both sides share each cold start's moment; N cold starts
// (offline, CPU 4x) of K openings each after the first 점포 tab tap, the first opening alternating between starts.
//   DIST=.tmp/bench-dist N=4 K=11 CSS='.note-card{content-visibility:auto}' node --import tsx bench/probes/css-ab.ts
// On a noisy machine repeat it and believe only a difference that comes back.
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as probe from '../lib/page-probes';
import { startBenchServer } from '../lib/server';
import { summarize } from '../lib/stats';
import { coldStart, prepareApp } from '../screens-bench';

const N = Number(process.env.N ?? 4);
const K = Number(process.env.K ?? 11);
const CSS = process.env.CSS;
if (!CSS) throw new Error('CSS=<the rule to try> is required');

/** The rule in a <style> of its own, off until an opening switches it on. */
const style = `document.addEventListener('DOMContentLoaded', () => {
  const s = document.createElement('style'); s.id = 'css-ab'; s.textContent = ${JSON.stringify(CSS)};
  s.disabled = true; document.head.append(s); });`;
const bs = await startBenchServer(path.resolve(process.env.DIST ?? '.tmp/bench-dist'));
const dir = mkdtempSync(path.join(tmpdir(), 'dangol-css-ab-'));
const runs = { without: [] as number[], with: [] as number[], firstWithout: [] as number[], firstWith: [] as number[] };
try {
  await prepareApp(dir, bs);
  for (let i = 0; i < N; i++) {
    const { ctx, page } = await coldStart(dir, `${bs.url}/today`, '.today .visit-count', style);
    try {
      await page.evaluate(probe.rafFloor);
      await page.evaluate(probe.clickAndWait('nav a[href="/stalls"]', 0, 'main ul[aria-label] > li'));
      for (let k = 0; k < K; k++) {
        const on = (i + k) % 2 === 1;
        await page.evaluate(`document.getElementById('css-ab').disabled = ${!on}`);
        await page.evaluate(probe.rafFloor);
        const ms = (await page.evaluate(
          probe.clickAndWait('main ul[aria-label] > li a', k * 2, '[role="feed"] article'),
        )) as number;
        if (k === 0) (on ? runs.firstWith : runs.firstWithout).push(ms);
        else (on ? runs.with : runs.without).push(ms);
        await page.evaluate(probe.backTo('main ul[aria-label] > li'));
      }
    } finally {
      await ctx.close();
    }
  }
} finally {
  await bs.close();
  rmSync(dir, { recursive: true, force: true });
}
for (const [side, ms] of Object.entries(runs)) {
  if (ms.length === 0) continue;
  const s = summarize(ms);
  console.log(`${side.padEnd(13)} median ${s.median.toFixed(0)} ms (${ms.map((x) => x.toFixed(0)).join(', ')})`);
}
process.exit(0);
