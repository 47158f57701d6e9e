// Live reads of visits for the screens (a day, a week, one stall, one visit), through the visits repository.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { useKeptLiveQuery } from '../../db/kept-answers';
import { startSnapshot } from '../../db/start-snapshot';
import { getVisit, listStallChoices, listStallVisits, listVisitsInRange, type VisitRow } from '../../db/repos/visits';
import { dayRange, weekRange } from './time';

/** Which day-visits query a start snapshot answered (see db/start-snapshot.ts). */
export function dayVisitsKey(marketId: string, day: Date, tutorId: string | null): string {
  const { from, to } = dayRange(day);
  return JSON.stringify([marketId, from, to, tutorId]);
}

/** What a day's or week's visits are read from (the visits and their stalls). */
const DAY_VISITS_TABLES = ['visits', 'stalls'] as const;

/**
 * The day's visits, live. First the start snapshot's (the first render after start) or the last answer of the same
 * query if nothing it reads has changed since (Today opened again: db/kept-answers.ts), else undefined while loading.
 */
export function useDayVisits(marketId: string | null | undefined, day: Date, tutorId: string | null) {
  const db = getDb();
  const { from, to } = dayRange(day);
  const key = marketId ? dayVisitsKey(marketId, day, tutorId) : 'day-visits:none';
  const start = startSnapshot(db)?.today;
  const first = start && start.key === key ? start.rows : undefined;
  return useKeptLiveQuery(
    db,
    key,
    DAY_VISITS_TABLES,
    (): Promise<VisitRow[]> =>
      marketId ? listVisitsInRange(db, { marketId, from, to, tutorId }) : Promise.resolve([]),
    first,
  );
}

/** The week's visits, live; the last answer of the same week first while nothing it reads has changed (일정 opened again). */
export function useWeekVisits(marketId: string | null | undefined, monday: Date) {
  const db = getDb();
  const { from, to } = weekRange(monday);
  return useKeptLiveQuery(
    db,
    JSON.stringify(['week', marketId ?? null, from, to]),
    DAY_VISITS_TABLES,
    (): Promise<VisitRow[]> => (marketId ? listVisitsInRange(db, { marketId, from, to }) : Promise.resolve([])),
  );
}

export function useStallVisits(stallId: string) {
  return useLiveQuery(() => listStallVisits(getDb(), stallId), [stallId]);
}

/** The visit with its stall; null when missing, undefined while loading. */
export function useVisit(visitId: string | null | undefined) {
  return useLiveQuery(async () => (visitId ? ((await getVisit(getDb(), visitId)) ?? null) : null), [visitId]);
}

export function useStallChoices(marketId: string | null | undefined) {
  return useLiveQuery(() => (marketId ? listStallChoices(getDb(), marketId) : Promise.resolve([])), [marketId]);
}
