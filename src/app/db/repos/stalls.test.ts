import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DangolDb } from '../database';
import { setMeta } from '../meta';
import { mutate } from '../mutate';
import { ValidationError } from '../errors';
import {
  createStall,
  emptyStall,
  filterRows,
  loadStallRows,
  needVisitedStalls,
  NO_FILTERS,
  stallListData,
  FIRST_SCREEN,
  updateStall,
  getStall,
  watchStallList,
} from './stalls';
import { setStepStatus } from './steps';
import { seedVisit } from './visits-test-seed';
import { consentAndSavePersonal } from '../../../../tests/shared-tablet/seed';

let db: DangolDb;
beforeEach(async () => {
  db = new DangolDb(`t-${crypto.randomUUID()}`);
  await setMeta(db, 'marketId', 'm1');
});

async function seed() {
  const a = await createStall(
    db,
    { ...emptyStall(), name: '행복청과', category: '청과·채소', building: 'A동', floor: '1' },
    't1',
  );
  // Personal fields need the merchant's consent on record (issue 4).
  await consentAndSavePersonal(db, a, { merchantName: '김순자' }, 't1');
  const b = await createStall(
    db,
    { ...emptyStall(), name: '바다수산', category: '수산', row: '나열', landmark: '정문 옆', channelOpened: true },
    't1',
  );
  const c = await createStall(db, { ...emptyStall(), name: '고소한 방앗간', category: '떡·방앗간' }, 't1');
  return { a, b, c };
}

const names = (rows: readonly { stall: { name: string } }[]) => rows.map((r) => r.stall.name);

describe('stalls repository', () => {
  it('lists by name and searches name, merchant, category and location', async () => {
    await seed();
    const rows = await loadStallRows(db, 'm1');
    expect(names(rows)).toEqual(['고소한 방앗간', '바다수산', '행복청과']);
    expect(names(filterRows(rows, '김순', NO_FILTERS, 15))).toEqual(['행복청과']);
    expect(names(filterRows(rows, '수산', NO_FILTERS, 15))).toEqual(['바다수산']);
    expect(names(filterRows(rows, 'a동 1층', NO_FILTERS, 15))).toEqual(['행복청과']);
    expect(names(filterRows(rows, '정문', NO_FILTERS, 15))).toEqual(['바다수산']);
    expect(names(filterRows(rows, '떡', NO_FILTERS, 15))).toEqual(['고소한 방앗간']);
    expect(filterRows(rows, '없는가게', NO_FILTERS, 15)).toEqual([]);
  });

  it('filters by visited, opened, blocked and progress from the indexes', async () => {
    const { a, b, c } = await seed();
    await seedVisit(db, 'v1', a, new Date('2026-03-02T01:00:00Z'), { tutorId: 't1', status: 'done' });
    await mutate(db, {
      entity: 'visit',
      id: 'v2',
      fields: {
        stallId: c,
        tutorId: 't1',
        scheduledAt: '2026-03-09T10:00:00.000+09:00',
        durationMin: 30,
        purpose: '',
        status: 'scheduled',
        actualMin: null,
        completedAt: null,
        rescheduledFrom: null,
        deleted: false,
      },
    });
    await setStepStatus(db, { stallId: a, no: 1, status: 'done', tutorId: 't1' });
    await setStepStatus(db, { stallId: a, no: 2, status: 'na', tutorId: 't1' });
    await setStepStatus(db, { stallId: b, no: 2, status: 'blocked', reason: '사업자등록증 없음', tutorId: 't1' });
    for (let no = 1; no <= 15; no++) await setStepStatus(db, { stallId: c, no, status: 'done', tutorId: 't1' });

    const rows = await loadStallRows(db, 'm1');
    const f = (p: Partial<typeof NO_FILTERS>) => names(filterRows(rows, '', { ...NO_FILTERS, ...p }, 15));
    expect(rows.find((r) => r.stall.id === a)?.complete).toBe(2);
    expect(f({ notVisited: true })).toEqual(['고소한 방앗간', '바다수산']);
    expect(f({ opened: true })).toEqual(['바다수산']);
    expect(f({ blocked: true })).toEqual(['바다수산']);
    expect(f({ progress: 'not_started' })).toEqual([]);
    expect(f({ progress: 'in_progress' })).toEqual(['바다수산', '행복청과']);
    expect(f({ progress: 'completed' })).toEqual(['고소한 방앗간']);
    expect(f({})).toEqual(['고소한 방앗간', '바다수산', '행복청과']);
    expect(filterRows(rows, ' ', NO_FILTERS, 15)).toBe(rows); // nothing narrows them: the rows themselves
  });

  it('updates only the changed fields and refuses bad input without writing', async () => {
    const { a } = await seed();
    const outboxBefore = await db.outbox.count();
    await updateStall(db, a, { channelSearchId: 'happyfruit' }, 't2');
    const last = (await db.outbox.orderBy('seq').last())!;
    expect(Object.keys(last.change.fields).sort()).toEqual(['channelSearchId', 'updatedAt', 'updatedBy']);
    await expect(updateStall(db, a, { channelSearchId: 'x'.repeat(16) }, 't2')).rejects.toBeInstanceOf(ValidationError);
    expect((await getStall(db, a))?.channelSearchId).toBe('happyfruit');
    expect(await db.outbox.count()).toBe(outboxBefore + 1);
  });

  it('reads the visited stalls for the list only once the filter asks, then keeps them current', async () => {
    const { a } = await seed();
    const stop = watchStallList(db, 'm1', () => undefined);
    await vi.waitFor(() => expect(stallListData(db, 'm1').counts).toBeDefined());
    const data = stallListData(db, 'm1');
    expect(data.complete).toBe(true);
    expect(data.visited).toBeUndefined();
    expect(data.rows?.every((r) => r.counted)).toBe(true);
    needVisitedStalls(db, 'm1');
    await vi.waitFor(() => expect(stallListData(db, 'm1').visited).toEqual(new Set()));
    await seedVisit(db, 'v1', a, new Date('2026-03-02T01:00:00Z'), { tutorId: 't1', status: 'done' });
    await vi.waitFor(() => expect(stallListData(db, 'm1').visited).toEqual(new Set([a])));
    stop();
  });

  it("shows the list's first screen first, without the deleted stalls among the first names", async () => {
    const names = Array.from({ length: FIRST_SCREEN + 4 }, (_, i) => `가게${String(i).padStart(2, '0')}`);
    const ids: string[] = [];
    for (const name of names) ids.push(await createStall(db, { ...emptyStall(), name }, 't1'));
    // The first names deleted, as a sync would bring them.
    await db.stalls.update(ids[0]!, { deleted: true });
    await db.stalls.update(ids[1]!, { deleted: true });
    const firstScreen = new Promise<string[] | undefined>((resolve) => {
      const stop = watchStallList(db, 'm1', () => {
        const data = stallListData(db, 'm1');
        if (data.complete) return;
        stop();
        resolve(data.stalls?.map((s) => s.name));
      });
    });
    expect(await firstScreen).toEqual(names.slice(2, 2 + FIRST_SCREEN));
    await vi.waitFor(() => expect(stallListData(db, 'm1').stalls).toHaveLength(names.length - 2));
  });
});
