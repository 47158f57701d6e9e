// Probe: where the server thread's time goes in a 10,000-change drain (bench 1). Seeds the 10x market as the bench
// does, drains once unprofiled (warm-up), then REPS more drains, each with a CPU profile of the server's thread
// written to OUT/drain<i>.cpuprofile, and prints them summed by function, each cut where the drain's pull-back starts.
//   DIST=.tmp/bench-dist REPS=5 OUT=/tmp/drain-prof node --import tsx bench/probes/drain-profile.ts
// (DIST: an app build for the server to serve, as `npm run bench` leaves it; run nothing else meanwhile.)
import 'fake-indexeddb/auto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startBenchServer } from '../lib/server';
import { benchDrain, benchPull, requeued, serverIdle } from '../sync-bench';
import { printSummary, summarizeProfiles } from './cpu-profile';

const REPS = Number(process.env.REPS ?? 5);
const OUT = path.resolve(process.env.OUT ?? '/tmp/drain-prof');
mkdirSync(OUT, { recursive: true });
const bs = await startBenchServer(path.resolve(process.env.DIST ?? '.tmp/bench-dist'));
try {
  const { tablet: t } = await benchPull(bs, 1);
  const { template } = await benchDrain(bs, t, 10_000, 1, 1);
  const files: string[] = [];
  for (let i = 0; i < REPS; i++) {
    t.online = false;
    await t.db.outbox.bulkAdd(template.map((e) => requeued(e, 100 + i)));
    await serverIdle();
    t.online = true;
    t.sent.length = 0;
    await bs.profileStart();
    const t0 = performance.now();
    await t.engine.syncNow();
    const file = path.join(OUT, `drain${i}.cpuprofile`);
    await bs.profileStop(file);
    files.push(file);
    const end = t.sent.find((s) => s.kind === 'pull')?.at ?? performance.now();
    console.log(
      `drain ${i + 1}/${REPS}: ${(end - t0).toFixed(0)} ms, ${t.sent.filter((s) => s.kind === 'push').length} pushes`,
    );
  }
  const pullRoute = (f: { functionName: string; url: string }) =>
    f.functionName === 'pull' && f.url.includes('kysely-storage');
  printSummary(summarizeProfiles(files, pullRoute), 40, (name) => name.includes('src/'));
} finally {
  await bs.close();
}
process.exit(0);
