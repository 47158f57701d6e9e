// Live reads of visits for the screens (a day, a week, one stall, one visit), through the visits repository.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { startSnapshot } from '../../db/start-snapshot';
import { getVisit, listStallChoices, listStallVisits, listVisitsInRange, type VisitRow } from '../../db/repos/visits';
import { dayRange, weekRange } from './time';

/** Which day-visits query a start snapshot answered (see db/start-snapshot.ts). */
export function dayVisitsKey(marketId: string, day: Date, tutorId: string | null): string {
  const { from, to } = dayRange(day);
  return JSON.stringify([marketId, from, to, tutorId]);
}

export function useDayVisits(marketId: string | null | undefined, day: Date, tutorId: string | null) {
  const { from, to } = dayRange(day);
  const start = startSnapshot(getDb())?.today;
  const first = start && marketId && start.key === dayVisitsKey(marketId, day, tutorId) ? start.rows : undefined;
  return useLiveQuery(
    (): Promise<VisitRow[]> =>
      marketId ? listVisitsInRange(getDb(), { marketId, from, to, tutorId }) : Promise.resolve([]),
    [marketId, from, to, tutorId],
    first,
  );
}

export function useWeekVisits(marketId: string | null | undefined, monday: Date) {
  const { from, to } = weekRange(monday);
  return useLiveQuery(
    (): Promise<VisitRow[]> => (marketId ? listVisitsInRange(getDb(), { marketId, from, to }) : Promise.resolve([])),
    [marketId, from, to],
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
