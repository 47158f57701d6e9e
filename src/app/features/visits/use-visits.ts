// Live reads of visits for the screens (a day, a week, one stall, one visit), through the visits repository.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { getVisit, listStallChoices, listStallVisits, listVisitsInRange, type VisitRow } from '../../db/repos/visits';
import { dayRange, weekRange } from './time';

export function useDayVisits(marketId: string | null | undefined, day: Date, tutorId: string | null) {
  const { from, to } = dayRange(day);
  return useLiveQuery(
    (): Promise<VisitRow[]> =>
      marketId ? listVisitsInRange(getDb(), { marketId, from, to, tutorId }) : Promise.resolve([]),
    [marketId, from, to, tutorId],
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
