// How Today splits the day: overdue planned visits first (still to act on), then the next one, then the rest
// by time. Pure, so the order can be tested without a screen.
import { routeOrder, type VisitRow } from '../../db/repos/visits';

export interface TodayPlan {
  /** Still 'scheduled' but their start time has passed, earliest first. */
  overdue: VisitRow[];
  /** The earliest 'scheduled' visit starting at or after now. */
  next: VisitRow | undefined;
  /** Everything else (done, missed, cancelled, later planned ones), by time. */
  rest: VisitRow[];
}

export function planToday(rows: readonly VisitRow[], now: Date): TodayPlan {
  const sorted = [...rows].sort(routeOrder);
  const at = (r: VisitRow) => new Date(r.visit.scheduledAt).getTime();
  const planned = (r: VisitRow) => r.visit.status === 'scheduled';
  const overdue = sorted.filter((r) => planned(r) && at(r) < now.getTime());
  const next = sorted.find((r) => planned(r) && at(r) >= now.getTime());
  const rest = sorted.filter((r) => r !== next && !overdue.includes(r));
  return { overdue, next, rest };
}

/** True when a visit is still planned but its start time has passed. */
export function isOverdue(row: VisitRow, now: Date): boolean {
  return row.visit.status === 'scheduled' && new Date(row.visit.scheduledAt).getTime() < now.getTime();
}
