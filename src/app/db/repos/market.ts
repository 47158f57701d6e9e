// The tablet's market record, read live: its schedule (상설 or 5일장) and market days shape the week view,
// Today and booking (PRODUCT.md market types). Lead-only changes to it live in tutor-admin.ts.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Market } from '../../../domain';
import { getDb, type DangolDb } from '../database';

/** The market as held (without its clocks); undefined when the tablet has none. */
export async function getMarket(db: DangolDb, marketId: string): Promise<Market | undefined> {
  const row = await db.markets.get(marketId);
  if (!row) return undefined;
  const { _clocks: _c, ...market } = row;
  return market as Market;
}

/** Live market; undefined while loading, null when there is no market (yet). */
export function useMarket(marketId: string | null | undefined): Market | null | undefined {
  return useLiveQuery(async () => (marketId ? ((await getMarket(getDb(), marketId)) ?? null) : null), [marketId]);
}
