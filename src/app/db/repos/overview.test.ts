import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, addHours, addWeeks, startOfWeek } from 'date-fns';
import { DangolDb } from '../database';
import { setMeta } from '../meta';
import { computeFunnel, countByTutor, doneStepsByNo, readOverview, type StallFacts } from './overview';
import { setStepStatus } from './steps';
import { seedStall, seedTutor, seedVisit } from './visits-test-seed';

const facts = (id: string, extra: Partial<StallFacts> = {}): StallFacts => ({
  id,
  name: id,
  channelOpened: false,
  businessStatus: 'not_applied',
  friendCount: 0,
  ...extra,
});

describe('overview computations (pure)', () => {
  it('reads step numbers from step ids, including stall ids that contain colons', () => {
    const m = doneStepsByNo(['s1:s1', 's1:s4', 'm:s2:s1', 'junk']);
    expect([...(m.get(1) ?? [])].sort()).toEqual(['m:s2', 's1']);
    expect([...(m.get(4) ?? [])]).toEqual(['s1']);
  });

  it('counts each funnel stage from steps and stall facts', () => {
    const stalls = [
      facts('a', { channelOpened: true, businessStatus: 'approved' }),
      facts('b'),
      facts('c', { businessStatus: 'submitted' }),
      facts('d'),
    ];
    const done = doneStepsByNo(['a:s1', 'b:s1', 'b:s4', 'c:s7', 'a:s14', 'x:s1']);
    expect(computeFunnel(stalls, new Set(['a', 'b', 'zz']), done)).toEqual({
      stalls: 4,
      visited: 2,
      consented: 2,
      channelOpened: 2,
      businessVerified: 2,
      completed: 1,
    });
  });

  it('counts a tutor’s week without rescheduled or cancelled visits', () => {
    const rows = countByTutor(
      [{ id: 't1', name: 'A' }],
      [
        { tutorId: 't1', status: 'done' },
        { tutorId: 't1', status: 'scheduled' },
        { tutorId: 't1', status: 'rescheduled' },
        { tutorId: 't1', status: 'cancelled' },
        { tutorId: 't1', status: 'missed' },
        { tutorId: 't2', status: 'done' },
      ],
    );
    expect(rows).toEqual([{ tutorId: 't1', name: 'A', done: 1, scheduled: 1, missed: 1, total: 3 }]);
  });
});

describe('readOverview (from the database indexes)', () => {
  let db: DangolDb;
  beforeEach(async () => {
    db = new DangolDb(`ov-${crypto.randomUUID()}`);
    await setMeta(db, 'marketId', 'm1');
  });

  it('computes funnel, friends, blockers and this week per tutor', async () => {
    await seedTutor(db, 't1', '김하늘', 'lead');
    await seedTutor(db, 't2', '이서연');
    await seedStall(db, 's1', '행복청과', { channelOpened: true, friendCount: 40 });
    await seedStall(db, 's2', '바다수산', { friendCount: 2 });
    await seedStall(db, 's3', '새봄떡집');
    const monday = startOfWeek(new Date(), { weekStartsOn: 1 });
    await seedVisit(db, 'v1', 's1', addHours(monday, 10), { tutorId: 't1', status: 'done' });
    await seedVisit(db, 'v2', 's2', addHours(addDays(monday, 2), 10), { tutorId: 't1' });
    await seedVisit(db, 'v3', 's2', addHours(addWeeks(monday, -1), 10), { tutorId: 't2', status: 'done' });
    await seedVisit(db, 'v4', 's3', addHours(addDays(monday, 1), 10), { tutorId: 't2', status: 'missed' });
    for (const no of [1, 2, 3, 4]) await setStepStatus(db, { stallId: 's1', no, status: 'done', tutorId: 't1' });
    await setStepStatus(db, { stallId: 's2', no: 1, status: 'done', tutorId: 't1' });
    await setStepStatus(db, { stallId: 's2', no: 2, status: 'blocked', reason: '사업자등록증 없음', tutorId: 't1' });

    const week = { from: monday.toISOString(), to: addWeeks(monday, 1).toISOString() };
    const ov = await readOverview(db, 'm1', week);
    expect(ov.funnel).toEqual({
      stalls: 3,
      visited: 2,
      consented: 2,
      channelOpened: 1,
      businessVerified: 0,
      completed: 0,
    });
    expect(ov.friends).toBe(42);
    expect(ov.blockers).toEqual([
      expect.objectContaining({ stallId: 's2', stallName: '바다수산', no: 2, reason: '사업자등록증 없음' }),
    ]);
    expect(ov.perTutor).toEqual([
      { tutorId: 't1', name: '김하늘', done: 1, scheduled: 1, missed: 0, total: 2 },
      { tutorId: 't2', name: '이서연', done: 0, scheduled: 0, missed: 1, total: 1 },
    ]);
  });
});
