// Probe: what the main thread does during the first 점포 tab tap and the first stall opening after a cold start
// (bench 4b, 4c), from CDP traces. Prepares a Chromium profile as the bench does (enrolled, the 10x market pulled),
// then N cold starts (offline, CPU 4x), each traced from just before the tap to the end of the opening; prints
// each window's main-thread tasks of 3 ms or more with what ran in them. Tracing slows the page down: compare
// tasks with each other, not with the bench's figures; nested events (a Paint inside a Paint) are summed twice.
//   DIST=.tmp/bench-dist N=4 OUT=/tmp/opening-trace node --import tsx bench/probes/opening-trace.ts
import 'fake-indexeddb/auto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as probe from '../lib/page-probes';
import { startBenchServer } from '../lib/server';
import { coldStart, prepareApp } from '../screens-bench';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { functionName?: string; url?: string; lineNumber?: number; type?: string } };
}

const N = Number(process.env.N ?? 4);
const OUT = path.resolve(process.env.OUT ?? '/tmp/opening-trace');
/** Trace events summed per task, by name. */
const PARTS = ['RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'MinorGC', 'MajorGC'];
const PARTS_COMPILE = ['V8.CompileCode', 'V8.ParseFunction'];
const ENTRIES = ['EventDispatch', 'FunctionCall', 'TimerFire', 'FireIdleCallback', 'FireAnimationFrame'];

function printWindow(events: TraceEvent[], from: string, to: string) {
  const mark = events.find((e) => e.name === from);
  const endMark = events.find((e) => e.name === to);
  if (!mark || !endMark) return;
  const main = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X');
  console.log(`  ${from}: ${((endMark.ts - mark.ts) / 1000).toFixed(0)} ms`);
  for (const task of main.filter((e) => e.name === 'RunTask' && e.ts + e.dur! >= mark.ts && e.ts < endMark.ts)) {
    if (task.dur! < 3000) continue;
    const inside = main.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
    const ran = inside
      .filter((e) => ENTRIES.includes(e.name))
      .slice(0, 2)
      .map((e) => {
        const d = e.args?.data;
        return `${e.name}${d?.type ? `:${d.type}` : ''}${d?.functionName ? `:${d.functionName}` : ''}${d?.url ? `@${d.url.replace(/.*\//, '')}` : ''}`;
      });
    const sums = new Map<string, number>();
    for (const e of inside) {
      if (PARTS.includes(e.name) || PARTS_COMPILE.includes(e.name)) sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur!);
    }
    const parts = [...sums].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`);
    console.log(
      `    +${((task.ts - mark.ts) / 1000).toFixed(0).padStart(4)} ms  ${(task.dur! / 1000).toFixed(1).padStart(6)} ms  ${ran.join(' ')} | ${parts.join(', ')}`,
    );
  }
}

mkdirSync(OUT, { recursive: true });
const bs = await startBenchServer(path.resolve(process.env.DIST ?? '.tmp/bench-dist'));
const dir = mkdtempSync(path.join(tmpdir(), 'dangol-opening-trace-'));
try {
  console.log(`the app pulled the market in ${(await prepareApp(dir, bs)).toFixed(0)} ms`);
  for (let i = 0; i < N; i++) {
    const { ctx, page, cdp } = await coldStart(dir, `${bs.url}/today`, '.today .visit-count');
    try {
      await page.evaluate(probe.rafFloor);
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
      await cdp.send('Tracing.start', {
        transferMode: 'ReportEvents',
        traceConfig: {
          includedCategories: [
            'devtools.timeline',
            'disabled-by-default-devtools.timeline',
            'v8',
            'v8.execute',
            'disabled-by-default-v8.compile',
            'blink.user_timing',
          ],
        },
      });
      await page.evaluate(`performance.mark('tap')`);
      const tap = (await page.evaluate(
        probe.clickAndWait('nav a[href="/stalls"]', 0, 'main ul[aria-label] > li'),
      )) as number;
      await page.evaluate(`performance.mark('tapped'); performance.mark('open')`);
      const open = (await page.evaluate(
        probe.clickAndWait('main ul[aria-label] > li a', 0, '[role="feed"] article'),
      )) as number;
      await page.evaluate(`performance.mark('opened')`);
      const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.end');
      await complete;
      writeFileSync(path.join(OUT, `start${i}.json`), JSON.stringify(events));
      console.log(
        `cold start ${i + 1}/${N}: tab tap ${tap.toFixed(0)} ms, first opening ${open.toFixed(0)} ms (traced)`,
      );
      printWindow(events, 'tap', 'tapped');
      printWindow(events, 'open', 'opened');
    } finally {
      await ctx.close();
    }
  }
} finally {
  await bs.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
