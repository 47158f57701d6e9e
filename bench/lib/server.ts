// The real Dangol server for the benchmarks, on a throwaway SQLite directory, with the 10x market seeded
// through the server's own write path (validated records, clocks, seqs, audit rows).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EntityName } from '../../src/domain';
import { checkRecord, writeServerRecords, type ServerRecord } from '../../src/server/server-writes';
import { startServer, type RunningServer } from '../../src/server/start';
import { bigMarketGroups, makeBigMarket, type BigMarket } from '../seed';

export interface BenchServer {
  server: RunningServer;
  market: BigMarket;
  marketId: string;
  recordCount: number;
  close(): Promise<void>;
}

export const BENCH_MARKET_ID = 'bench-10x';

export async function startBenchServer(distDir: string, now = new Date()): Promise<BenchServer> {
  const work = await mkdtemp(path.join(tmpdir(), 'dangol-bench-'));
  const server = await startServer({ port: 0, dataDir: path.join(work, 'data'), distDir });
  const market = makeBigMarket(BENCH_MARKET_ID, now);
  const records: ServerRecord[] = [];
  for (const [entity, rows] of bigMarketGroups(market)) {
    for (const row of rows as readonly unknown[]) {
      records.push({ entity, data: checkRecord(entity as EntityName, row) } as ServerRecord);
    }
  }
  await writeServerRecords(server.storage, BENCH_MARKET_ID, records);
  return {
    server,
    market,
    marketId: BENCH_MARKET_ID,
    recordCount: records.length,
    async close() {
      await server.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}
