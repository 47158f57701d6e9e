// The real Dangol server for the benchmarks, on its own thread (bench/lib/server-worker.ts), seeded with the 10x
// market through the server's own write path (validated records, clocks, seqs, audit rows).
// Why a thread of its own: in a market the server and the tablets are different machines. With the server on
// the bench's own thread, a tablet's work and the server's took turns on one CPU, so a drain was timed as the
// SUM of both sides' work even where the app lets them overlap (it reads and applies the next batch on the
// tablet while the server works on the current one). The floors' writes run on the server's thread too.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PullPage } from '../../src/server/storage/storage';
import { makeBigMarket, type BigMarket } from '../seed';
import type { FloorRow } from './floors';
import type { ServerOp, ServerWorkerData } from './server-worker';

export interface BenchServer {
  url: string;
  market: BigMarket;
  marketId: string;
  recordCount: number;
  /** A fresh enrollment code for the market. */
  enrollmentCode(): Promise<string>;
  /** The market's current seq (the last one handed out). */
  currentSeq(): Promise<number>;
  countAudit(): Promise<number>;
  pull(since: number, limit: number): Promise<PullPage>;
  /** SQLite pages written to the WAL since the last idle checkpoint, checkpointing them (null on PostgreSQL). */
  walFrames(): Promise<number | null>;
  /** The drain's floor write: the records written since `since`, upserted at their own keys (timed there). */
  floorUpsertSince(since: number): Promise<{ ms: number; rows: number }>;
  /** The old floor write: `rows` inserted as copies under fresh keys in market `marketId` (timed there). */
  floorInsert(marketId: string, rows: FloorRow[]): Promise<{ ms: number }>;
  /** Probes only (bench/probes): a CPU profile of the server's thread, started and then written to `file`. */
  profileStart(): Promise<void>;
  profileStop(file: string): Promise<void>;
  close(): Promise<void>;
}

export const BENCH_MARKET_ID = 'bench-10x';

/**
 * The server runs with `--max-semi-space-size=64` (package.json `start`/`serve`): a push batch allocates ≈ 30 MB
 * that mostly dies with it, and in V8's default 16 MB semi-spaces it was scavenged (its live part copied) two or
 * three times. A thread takes the same setting as its young generation: two semi-spaces and a new large-object
 * space of the same size.
 */
const SERVER_YOUNG_GENERATION_MB = 3 * 64;

export async function startBenchServer(distDir: string, now = new Date()): Promise<BenchServer> {
  const data: ServerWorkerData = { distDir, marketId: BENCH_MARKET_ID, nowMs: now.getTime() };
  const worker = new Worker(path.join(import.meta.dirname, 'server-worker.mjs'), {
    workerData: data,
    resourceLimits: { maxYoungGenerationSizeMb: SERVER_YOUNG_GENERATION_MB },
  });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const ready = new Promise<{ url: string; recordCount: number }>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (m: { ready?: true; url: string; recordCount: number; id: number; ok: boolean }) => {
      if (m.ready) return resolve(m);
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      if (!w) return;
      const r = m as unknown as { ok: boolean; value: unknown; error: string };
      if (r.ok) w.resolve(r.value);
      else w.reject(new Error(`bench server: ${r.error}`));
    });
  });
  const { url, recordCount } = await ready;
  worker.on('error', (err) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  });
  const ask = <T>(msg: ServerOp) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, msg });
    });
  return {
    url,
    market: makeBigMarket(BENCH_MARKET_ID, now),
    marketId: BENCH_MARKET_ID,
    recordCount,
    enrollmentCode: () => ask<string>({ op: 'enrollmentCode' }),
    currentSeq: () => ask<number>({ op: 'currentSeq' }),
    countAudit: () => ask<number>({ op: 'countAudit' }),
    pull: (since, limit) => ask<PullPage>({ op: 'pull', since, limit }),
    walFrames: () => ask<number | null>({ op: 'walFrames' }),
    floorUpsertSince: (since) => ask({ op: 'floorUpsertSince', since }),
    floorInsert: (marketId, rows) => ask({ op: 'floorInsert', marketId, rows }),
    profileStart: () => ask({ op: 'profileStart' }),
    profileStop: (file) => ask({ op: 'profileStop', file }),
    async close() {
      await ask({ op: 'close' });
      await worker.terminate();
    },
  };
}
