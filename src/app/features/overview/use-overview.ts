// The market overview, live: recomputed by the repository from indexes when the data changes, not per render.
import { useLiveQuery } from 'dexie-react-hooks';
import { addWeeks, startOfWeek } from 'date-fns';
import { getDb } from '../../db/database';
import { readOverview } from '../../db/repos/overview';

export function useOverview(marketId: string | null | undefined, now = new Date()) {
  const monday = startOfWeek(now, { weekStartsOn: 1 });
  const from = monday.toISOString();
  const to = addWeeks(monday, 1).toISOString();
  return useLiveQuery(
    () => (marketId ? readOverview(getDb(), marketId, { from, to }) : Promise.resolve(null)),
    [marketId, from, to],
  );
}
