// Live reads of stalls for the merchants screens. The list comes from the stalls repository's list store
// (first screen, then all stalls, then badges; only the part whose table changed is read again).
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import {
  buildRows,
  getStall,
  stallListData,
  watchStallList,
  type StallListData,
  type StallRow,
} from '../../db/repos/stalls';
import type { Stall } from '../../../domain';

const NOTHING: StallListData = { stalls: [], complete: true, counts: undefined, visited: undefined };

export interface StallRows {
  /** undefined while not even the first screen is read. */
  rows: StallRow[] | undefined;
  /** True once every stall is in `rows` (before that, only the first screen). */
  complete: boolean;
}

/** Rows of the stall list with what the filters need. */
export function useStallRows(marketId: string | null | undefined): StallRows {
  const db = getDb();
  const subscribe = useCallback(
    (listener: () => void) => (marketId ? watchStallList(db, marketId, listener) : () => undefined),
    [db, marketId],
  );
  const data = useSyncExternalStore(subscribe, () => (marketId ? stallListData(db, marketId) : NOTHING));
  const rows = useMemo(
    () => (data.stalls ? buildRows(data.stalls, data.counts, data.visited) : undefined),
    [data.stalls, data.counts, data.visited],
  );
  return { rows, complete: data.complete };
}

/** One stall; undefined while loading, null when there is none (or it was deleted). */
export function useStall(stallId: string | undefined): Stall | null | undefined {
  return useLiveQuery(async () => {
    if (!stallId) return null;
    const s = await getStall(getDb(), stallId);
    return s && !s.deleted ? s : null;
  }, [stallId]);
}
