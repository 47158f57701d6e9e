// The tablet's market record, read live: its schedule (상설 or 5일장) and market days shape the week view,
// Today and booking (PRODUCT.md market types). Lead-only changes to it live in tutor-admin.ts.
import type { Market } from '../../../domain';
import { getDb, type DangolDb } from '../database';
import { useKeptLiveQuery } from '../kept-answers';

/** The market as held (without its clocks); undefined when the tablet has none. */
export async function getMarket(db: DangolDb, marketId: string): Promise<Market | undefined> {
  const row = await db.markets.get(marketId);
  if (!row) return undefined;
  const { _clocks: _c, ...market } = row;
  return market as Market;
}

const MARKET_TABLES = ['markets'] as const;

/** Live market (the last answer first, db/kept-answers.ts); undefined while loading, null when there is no market (yet). */
export function useMarket(marketId: string | null | undefined): Market | null | undefined {
  const db = getDb();
  return useKeptLiveQuery(db, `market:${marketId ?? ''}`, MARKET_TABLES, async () =>
    marketId ? ((await getMarket(db, marketId)) ?? null) : null,
  );
}
