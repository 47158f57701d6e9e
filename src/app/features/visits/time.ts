// Local calendar helpers for visits: a day's and a week's range as stored ISO instants, and the date/time
// inputs of a form to and from one instant. Weeks run Monday to Sunday.
import { addDays, addWeeks, format, startOfDay, startOfWeek } from 'date-fns';

export interface Range {
  from: string;
  to: string;
}

export function dayRange(day: Date): Range {
  const start = startOfDay(day);
  return { from: start.toISOString(), to: addDays(start, 1).toISOString() };
}

export function mondayOf(day: Date): Date {
  return startOfWeek(day, { weekStartsOn: 1 });
}

export function weekRange(monday: Date): Range {
  return { from: mondayOf(monday).toISOString(), to: addWeeks(mondayOf(monday), 1).toISOString() };
}

export function weekDays(monday: Date): Date[] {
  return Array.from({ length: 7 }, (_, i) => addDays(mondayOf(monday), i));
}

/** 'yyyy-MM-dd' of a local day (the key of a day column, and a date input's value). */
export function dayKey(value: Date | string): string {
  return format(typeof value === 'string' ? new Date(value) : value, 'yyyy-MM-dd');
}

export function timeValue(value: Date | string): string {
  return format(typeof value === 'string' ? new Date(value) : value, 'HH:mm');
}

/** A date input and a time input as one stored instant; null when either is not a real date/time. */
export function toInstant(date: string, time: string): string | null {
  // Parsed by hand, not with date-fns `parse` (≈ 40 kB of parsers that were in the start screen's JS, bench 4a).
  const m = /^(\d{1,4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2})$/.exec(`${date} ${time}`);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const at = new Date(2000, 0, 1);
  at.setFullYear(y, mo - 1, d); // not new Date(y, …): that reads years below 100 as 19xx
  at.setHours(h, mi, 0, 0);
  const real = at.getFullYear() === y && at.getMonth() === mo - 1 && at.getDate() === d && h < 24 && mi < 60;
  return real ? at.toISOString() : null;
}
