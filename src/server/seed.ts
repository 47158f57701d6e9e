// First start: seed the fictional demo market (src/domain/demo-market.ts) as ordinary records with clocks
// and seqs, so an enrolled tablet pulls it like any market. Does nothing once any market exists.
import { makeDemoMarket, DEMO_MARKET_ID } from '../domain/demo-market';
import type { EntityName, Market } from '../domain';
import { listMarkets } from './admin/commands';
import { checkRecord, writeServerRecords, type ServerRecord } from './server-writes';
import type { Storage } from './storage/storage';

export interface SeedOptions {
  marketId?: string;
  now?: Date;
  seed?: number;
}

/** Returns the demo market when it was created now, undefined when markets already existed. */
export async function seedDemoMarket(storage: Storage, opts: SeedOptions = {}): Promise<Market | undefined> {
  if ((await listMarkets(storage)).length > 0) return undefined;
  const demo = makeDemoMarket({
    marketId: opts.marketId ?? DEMO_MARKET_ID,
    now: opts.now ?? new Date(),
    seed: opts.seed,
  });
  const groups: [EntityName, unknown[]][] = [
    ['market', [demo.market]],
    ['tutor', demo.tutors],
    ['stall', demo.stalls],
    ['visit', demo.visits],
    ['note', demo.notes],
    ['step', demo.steps],
    ['stepEvent', demo.stepEvents],
    ['consent', demo.consents],
  ];
  const records: ServerRecord[] = [];
  for (const [entity, rows] of groups) {
    for (const row of rows) records.push({ entity, data: checkRecord(entity, row) } as ServerRecord);
  }
  await writeServerRecords(storage, demo.market.id, records);
  return demo.market;
}
