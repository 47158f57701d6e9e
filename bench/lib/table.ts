// Prints the benchmark table: median, min, max, floor median, ratio to the floor, target, met.
import type { Measured } from '../sync-bench';

const ms = (n: number) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : '-');

export function printTable(results: readonly Measured[], info: Record<string, unknown>): void {
  const rows = results.map((r) => [
    r.name,
    ms(r.value.median),
    ms(r.value.min),
    ms(r.value.max),
    ms(r.value.p95),
    ms(r.floor.median),
    `${(r.value.median / r.floor.median).toFixed(2)}x`,
    r.target,
    r.met ? 'yes' : 'NO',
  ]);
  const head = ['benchmark', 'median', 'min', 'max', 'p95', 'floor med', 'ratio', 'target', 'met?'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
  console.log('\nAll times in ms.');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
  const noted = results.filter((r) => r.notes);
  if (noted.length > 0) console.log('');
  for (const r of noted) console.log(`${r.name.split(' (')[0]}: ${r.notes}`);
  const js = info.initialJs as { app: { gzipBytes: number }; floor: { gzipBytes: number }; ratio: number } | undefined;
  if (js) {
    console.log(
      `\n5. Initial JS (gzip): app ${(js.app.gzipBytes / 1024).toFixed(1)} kB, floor page ` +
        `${(js.floor.gzipBytes / 1024).toFixed(1)} kB (${js.ratio.toFixed(2)}x)`,
    );
  }
  const heap = info.heap as { appMb: number; floorMb: number } | undefined;
  if (heap) {
    console.log(
      `5. JS heap after loading the full market and using the screens: app ${heap.appMb.toFixed(1)} MB, ` +
        `floor page ${heap.floorMb.toFixed(1)} MB`,
    );
  }
  const drain = info.browserDrain as { median: number; min: number; max: number; ratio: number } | undefined;
  if (drain) {
    console.log(
      `1b. The same drain in Chromium (real IndexedDB, unthrottled; no target): median ${ms(drain.median)} ms ` +
        `(${ms(drain.min)}-${ms(drain.max)}), ${drain.ratio.toFixed(2)}x the drain's floor`,
    );
  }
  if (typeof info.browserPullMs === 'number') {
    console.log(`   Fresh pull in Chromium (real IndexedDB, unthrottled, one run): ${info.browserPullMs} ms`);
  }
}
