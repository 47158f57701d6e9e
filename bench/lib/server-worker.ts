// The bench's server thread: the real Dangol server on a throwaway SQLite directory, seeded with the 10x market
// through the server's own write path, answering the bench's requests (enrollment codes, seqs, floor writes)
// over the worker's message port. The server runs on its own thread, as it runs on its own machine in a
// market: a tablet's work and the server's do not take turns on one CPU (see bench/lib/server.ts).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { sql, type Kysely } from 'kysely';
import type { EntityName } from '../../src/domain';
import { createEnrollmentCode } from '../../src/server/admin/commands';
import type { DatabaseSchema } from '../../src/server/storage/schema';
import type { Dialect } from '../../src/server/storage/storage';
import { checkRecord, writeServerRecords, type ServerRecord } from '../../src/server/server-writes';
import { startServer } from '../../src/server/start';
import { bigMarketGroups, makeBigMarket } from '../seed';
import { bulkInsertServer, bulkUpsertServer, type FloorRow } from './floors';

export interface ServerWorkerData {
  distDir: string;
  marketId: string;
  nowMs: number;
}

/** What the main thread may ask; each answers a plain value (structured-cloned back). */
export type ServerOp =
  | { op: 'enrollmentCode' }
  | { op: 'currentSeq' }
  | { op: 'countAudit' }
  | { op: 'pull'; since: number; limit: number }
  | { op: 'walFrames' }
  /** The floor's write: the records written since `since`, upserted again at their own keys. */
  | { op: 'floorUpsertSince'; since: number }
  /** The old floor's write: these rows inserted as copies under fresh keys (in their own market). */
  | { op: 'floorInsert'; marketId: string; rows: FloorRow[] }
  /** Start a CPU profile of this thread (the server's), for probes (bench/probes). */
  | { op: 'profileStart' }
  /** Stop it and write it to `file` (a .cpuprofile: Chrome DevTools and bench/probes/cpu-profile.ts read it). */
  | { op: 'profileStop'; file: string }
  | { op: 'close' };

const port = parentPort!;
const { distDir, marketId, nowMs } = workerData as ServerWorkerData;
const work = await mkdtemp(path.join(tmpdir(), 'dangol-bench-'));
const server = await startServer({ port: 0, dataDir: path.join(work, 'data'), distDir });
const storage = server.storage;
const records: ServerRecord[] = [];
for (const [entity, rows] of bigMarketGroups(makeBigMarket(marketId, new Date(nowMs)))) {
  for (const row of rows as readonly unknown[]) {
    records.push({ entity, data: checkRecord(entity as EntityName, row) } as ServerRecord);
  }
}
await writeServerRecords(storage, marketId, records);

/** The inspector session of a probe's CPU profile (one at a time). */
let profiler: Session | null = null;

async function answer(msg: ServerOp): Promise<unknown> {
  switch (msg.op) {
    case 'enrollmentCode':
      return (await createEnrollmentCode(storage, marketId)).code;
    case 'currentSeq':
      return storage.inMarketTx(marketId, (tx) => tx.currentSeq());
    case 'countAudit':
      return storage.countAudit(marketId);
    case 'pull':
      return storage.pull(marketId, msg.since, msg.limit);
    case 'walFrames': {
      // SQLite pages written to the WAL since the last idle checkpoint (and checkpoint them now): how many pages
      // a phase dirtied, a count the machine's load does not change. Null on PostgreSQL.
      const { db, dialect } = storage as unknown as { db: Kysely<DatabaseSchema>; dialect: Dialect };
      if (dialect !== 'sqlite') return null;
      const r = await sql<{ log: number }>`pragma wal_checkpoint(PASSIVE)`.execute(db);
      return r.rows[0]?.log ?? null;
    }
    case 'floorUpsertSince': {
      // Read outside the timing: only the write is the floor's.
      const written = await storage.pull(marketId, msg.since, 1_000_000);
      const t0 = performance.now();
      await bulkUpsertServer(storage, marketId, written.records);
      return { ms: performance.now() - t0, rows: written.records.length };
    }
    case 'floorInsert': {
      const t0 = performance.now();
      await bulkInsertServer(storage, msg.marketId, msg.rows);
      return { ms: performance.now() - t0 };
    }
    case 'profileStart': {
      if (profiler) throw new Error('a CPU profile is already running');
      profiler = new Session();
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.setSamplingInterval', { interval: 250 });
      await profiler.post('Profiler.start');
      return null;
    }
    case 'profileStop': {
      if (!profiler) throw new Error('no CPU profile is running');
      const { profile } = await profiler.post('Profiler.stop');
      profiler.disconnect();
      profiler = null;
      await writeFile(msg.file, JSON.stringify(profile));
      return null;
    }
    case 'close':
      await server.close();
      await rm(work, { recursive: true, force: true });
      return null;
  }
}

port.on('message', (m: { id: number; msg: ServerOp }) => {
  answer(m.msg).then(
    (value) => port.postMessage({ id: m.id, ok: true, value }),
    (err: unknown) => port.postMessage({ id: m.id, ok: false, error: err instanceof Error ? err.stack : String(err) }),
  );
});
port.postMessage({ ready: true, url: server.url, recordCount: records.length });
