// Visits: the only code touching the visits table. Reads go through the date and stall indexes (a day, a week,
// one stall's history); every write goes through mutate, and a reschedule writes both visits in one transaction.
import {
  compareKorean,
  timeOrderedUuid,
  type EntityName,
  type Stall,
  type Visit,
  type VisitStatus,
} from '../../../domain';
import type { DangolDb, Local } from '../database';
import { ValidationError } from '../errors';
import { mutate, mutateAll, type MutateInput } from '../mutate';

export type VisitFields = Omit<Visit, 'id' | 'marketId' | 'updatedAt' | 'updatedBy' | 'deleted'>;

/** What a visit list shows of its stall. */
export type StallBrief = Pick<Stall, 'id' | 'name' | 'category' | 'building' | 'floor' | 'row' | 'number' | 'landmark'>;

export interface VisitRow {
  visit: Visit;
  stall: StallBrief | null;
}

function strip<T extends { _clocks: unknown }>(row: T): Omit<T, '_clocks'> {
  const { _clocks: _c, ...rest } = row;
  return rest;
}

function brief(s: Local<'stall'>): StallBrief {
  const { id, name, category, building, floor, row, number, landmark } = s;
  return { id, name, category, building, floor, row, number, landmark };
}

/** Route order: by time, then by where the stall is (building, floor, row, number) when times tie. */
export function routeOrder(a: VisitRow, b: VisitRow): number {
  if (a.visit.scheduledAt !== b.visit.scheduledAt) return a.visit.scheduledAt < b.visit.scheduledAt ? -1 : 1;
  const ka = a.stall ? [a.stall.building, a.stall.floor, a.stall.row, a.stall.number] : [];
  const kb = b.stall ? [b.stall.building, b.stall.floor, b.stall.row, b.stall.number] : [];
  for (let i = 0; i < 4; i++) {
    const c = compareKorean(ka[i] ?? '', kb[i] ?? '');
    if (c !== 0) return c;
  }
  return a.visit.id < b.visit.id ? -1 : 1;
}

async function withStalls(db: DangolDb, rows: Local<'visit'>[]): Promise<VisitRow[]> {
  const ids = [...new Set(rows.map((v) => v.stallId))];
  const stalls = await db.stalls.bulkGet(ids);
  const byId = new Map(stalls.filter((s): s is Local<'stall'> => !!s).map((s) => [s.id, brief(s)]));
  return rows.map((v) => ({ visit: strip(v) as Visit, stall: byId.get(v.stallId) ?? null })).sort(routeOrder);
}

export interface RangeQuery {
  marketId: string;
  /** ISO instants (UTC, as stored): from inclusive, to exclusive. */
  from: string;
  to: string;
  /** Only this tutor's visits (index [tutorId+scheduledAt]); all tutors when null/undefined. */
  tutorId?: string | null;
}

/** Visits in a time range, joined with their stalls, in route order. Index range only, never a table scan. */
export async function listVisitsInRange(db: DangolDb, q: RangeQuery): Promise<VisitRow[]> {
  const rows = q.tutorId
    ? await db.visits
        .where('[tutorId+scheduledAt]')
        .between([q.tutorId, q.from], [q.tutorId, q.to], true, false)
        .toArray()
    : await db.visits.where('scheduledAt').between(q.from, q.to, true, false).toArray();
  return withStalls(
    db,
    rows.filter((v) => !v.deleted && v.marketId === q.marketId),
  );
}

/** One stall's visits, newest first (index [stallId+scheduledAt]). */
export async function listStallVisits(db: DangolDb, stallId: string): Promise<Visit[]> {
  const rows = await db.visits
    .where('[stallId+scheduledAt]')
    .between([stallId, ''], [stallId, '\uffff'])
    .reverse()
    .toArray();
  return stallVisitsFromRows(rows);
}

/** A stall's stored visit rows, newest first, as listStallVisits answers them (not deleted). */
export function stallVisitsFromRows(rows: readonly Local<'visit'>[]): Visit[] {
  return rows.filter((v) => !v.deleted).map((v) => strip(v) as Visit);
}

export async function getVisit(db: DangolDb, id: string): Promise<VisitRow | undefined> {
  const row = await db.visits.get(id);
  if (!row || row.deleted) return undefined;
  const [r] = await withStalls(db, [row]);
  return r;
}

export function newVisitId(): string {
  return `v${timeOrderedUuid().replace(/-/g, '')}`;
}

/** Book a visit. Resolves to its id; throws ValidationError and writes nothing on bad input. */
export async function createVisit(db: DangolDb, fields: VisitFields, by: string | null): Promise<string> {
  const id = newVisitId();
  await mutate(db, { entity: 'visit', id, fields: { ...fields, deleted: false }, tutorId: by });
  return id;
}

export async function updateVisit(db: DangolDb, id: string, changed: Partial<VisitFields>, by: string | null) {
  if (Object.keys(changed).length === 0) return;
  await mutate(db, { entity: 'visit', id, fields: changed, tutorId: by });
}

/** Minutes a visit took when marked done now: time since its start when plausible, else the planned length. */
export function actualMinutes(visit: Pick<Visit, 'scheduledAt' | 'durationMin'>, now: Date): number {
  const elapsed = Math.round((now.getTime() - new Date(visit.scheduledAt).getTime()) / 60_000);
  return elapsed >= 1 && elapsed <= Math.max(240, visit.durationMin * 2) ? elapsed : visit.durationMin;
}

export async function completeVisit(db: DangolDb, visit: Visit, by: string | null, now = new Date()) {
  await updateVisit(
    db,
    visit.id,
    { status: 'done', actualMin: actualMinutes(visit, now), completedAt: now.toISOString() },
    by,
  );
}

export async function setVisitStatus(
  db: DangolDb,
  id: string,
  status: Exclude<VisitStatus, 'done'>,
  by: string | null,
) {
  await updateVisit(db, id, { status, actualMin: null, completedAt: null }, by);
}

/**
 * Move a visit to a new time: the old one becomes 'rescheduled' and a new 'scheduled' visit points back to it,
 * both in one transaction. Resolves to the new visit's id.
 */
export async function rescheduleVisit(db: DangolDb, visit: Visit, scheduledAt: string, by: string | null) {
  if (visit.status !== 'scheduled' && visit.status !== 'missed') {
    throw new ValidationError(
      'Only a planned or missed visit can be rescheduled',
      '예정되었거나 불발된 방문만 일정을 바꿀 수 있습니다',
    );
  }
  const id = newVisitId();
  const fresh: VisitFields & { deleted: boolean } = {
    stallId: visit.stallId,
    tutorId: visit.tutorId,
    scheduledAt,
    durationMin: visit.durationMin,
    purpose: visit.purpose,
    status: 'scheduled',
    actualMin: null,
    completedAt: null,
    rescheduledFrom: visit.id,
    deleted: false,
  };
  const inputs: MutateInput<'visit'>[] = [
    { entity: 'visit', id: visit.id, fields: { status: 'rescheduled' }, tutorId: by },
    { entity: 'visit', id, fields: fresh, tutorId: by },
  ];
  await mutateAll(db, inputs as unknown as MutateInput<EntityName>[]);
  return id;
}

/** Stalls a visit can be booked for: id, name and location, by name (for the searchable picker). */
export async function listStallChoices(
  db: DangolDb,
  marketId: string,
): Promise<(StallBrief & { merchantName: string })[]> {
  const rows = await db.stalls.where('marketId').equals(marketId).toArray();
  return rows
    .filter((s) => !s.deleted)
    .map((s) => ({ ...brief(s), merchantName: s.merchantName }))
    .sort((a, b) => compareKorean(a.name, b.name));
}
