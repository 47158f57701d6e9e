// Live reads of stalls for the merchants screens. The list comes from the stalls repository's list store
// (first screen, then all stalls, then badges; only the part whose table changed is read again).
import { useCallback, useSyncExternalStore } from 'react';
import { getDb } from '../../db/database';
import {
  knownMarketId,
  needVisitedStalls,
  stallListData,
  watchStallList,
  type StallListData,
  type StallRow,
} from '../../db/repos/stalls';

const NOTHING: StallListData = {
  stalls: [],
  complete: true,
  counts: undefined,
  visited: new Set(),
  rows: [],
};

export interface StallRows {
  /** undefined while not even the first screen is read. */
  rows: StallRow[] | undefined;
  /** True once every stall is in `rows` (before that, only the first screen). */
  complete: boolean;
  /** True once the rows' `visited` is read (`needVisited` asks for it). */
  visitedKnown: boolean;
  /** Read the visited stalls (the "not visited" filter needs them; nothing else does). */
  needVisited: () => void;
}

/**
 * Rows of the stall list with what the filters need. `marketId` undefined (the session still loading): the
 * market the list store last read from meta, so a tab tap shows the rows in its first render (bench 4b).
 */
export function useStallRows(marketId: string | null | undefined): StallRows {
  const db = getDb();
  const market = marketId === undefined ? knownMarketId(db) : marketId;
  const subscribe = useCallback(
    (listener: () => void) => (market ? watchStallList(db, market, listener) : () => undefined),
    [db, market],
  );
  const data = useSyncExternalStore(subscribe, () => (market ? stallListData(db, market) : NOTHING));
  const needVisited = useCallback(() => {
    if (market) needVisitedStalls(db, market);
  }, [db, market]);
  return { rows: data.rows, complete: data.complete, visitedKnown: data.visited !== undefined, needVisited };
}
