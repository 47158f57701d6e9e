// Benchmark 1 again with a real tablet's storage: the same 10,000 queued changes drained by the app's own engine in
// Debian's Chromium (real IndexedDB, CPU not throttled) into the same server. The Node run (fake-indexeddb) is the
// one with the target; this one says what a tablet's half costs where it really runs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OutboxEntry } from '../src/app/db/database';
import { enrollPage, waitForCursor } from './lib/enroll-page';
import * as probe from './lib/page-probes';
import type { BenchServer } from './lib/server';
import { launch } from './screens-bench';
import { requeued } from './sync-bench';

const log = (s: string) => console.log(`  ${s}`);

/**
 * Go online (the app's sync trigger) and time, in the page, until the engine's first pull request leaves: the
 * drain is over then (the Node benchmark ends at the same point). Read from resource timing, so the probe
 * opens no IndexedDB transaction that could wait for, or hold up, the engine's own; the outbox must be empty.
 */
export const drainProbe = `
(async () => {
  performance.clearResourceTimings();
  performance.setResourceTimingBufferSize(10000);
  const requests = (kind) =>
    performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/sync/' + kind));
  const t0 = performance.now();
  window.dispatchEvent(new Event('online'));
  for (;;) {
    const pull = requests('pull')[0];
    if (pull) {
      const db = await new Promise((res, rej) => { const r = indexedDB.open('dangol'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
      const left = await new Promise((res, rej) => { const r = db.transaction('outbox').objectStore('outbox').count(); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
      db.close();
      if (left !== 0) throw new Error(left + ' changes still queued when the pull began');
      return { ms: pull.startTime - t0, pushes: requests('push').length };
    }
    if (performance.now() - t0 > 300000) throw new Error('drain stuck');
    await new Promise((r) => setTimeout(r, 50));
  }
})()`;

/** ms per drain of `template` (re-queued with fresh change ids each run), `reps` runs, one Chromium profile. */
export async function benchBrowserDrain(bs: BenchServer, template: readonly OutboxEntry[], reps: number) {
  const dir = await mkdtemp(path.join(tmpdir(), 'dangol-bench-drain-'));
  const { ctx, page } = await launch(dir, false);
  const runs: number[] = [];
  try {
    await page.goto(`${bs.url}/today`);
    // A new profile shows the enrollment screen; the app has made its database by then.
    await page.waitForFunction('indexedDB.databases().then((d) => d.some((x) => x.name === "dangol"))', undefined, {
      timeout: 120_000,
      polling: 250,
    });
    // Enrolled at the server's current seq: this profile holds no records (a drain only needs its outbox);
    // what the drain wrote is pulled back after it, outside the measurement.
    const cursor = await bs.currentSeq();
    await enrollPage(page, bs, 'bench chromium drain', cursor);
    await page.reload();
    await page.waitForSelector('.today', { timeout: 120_000 });
    for (let i = 0; i < reps; i++) {
      // Queued as the app queues them: new entries at the outbox's next seqs, in one transaction.
      await page.evaluate(
        probe.putRows(
          'outbox',
          template.map((e) => requeued(e, 100 + i)),
        ),
      );
      const audited = await bs.countAudit();
      const { ms, pushes } = (await page.evaluate(drainProbe)) as { ms: number; pushes: number };
      // Every change applied on the server (one audit row each), not merely gone from the tablet's queue.
      const applied = (await bs.countAudit()) - audited;
      if (applied !== template.length) throw new Error(`Chromium drain applied ${applied} of ${template.length}`);
      runs.push(ms);
      log(
        `Chromium drain run ${i + 1}/${reps}: ${ms.toFixed(0)} ms in ${pushes} pushes ` +
          `(${template.length} changes, real IndexedDB, unthrottled)`,
      );
      // The pull-back of what the drain wrote is over (on a loaded machine it can outlast a fixed wait).
      await waitForCursor(page, await bs.currentSeq());
      await new Promise((r) => setTimeout(r, 1_500)); // the server's idle checkpoint
    }
    return runs;
  } finally {
    await ctx.close();
    await rm(dir, { recursive: true, force: true });
  }
}
