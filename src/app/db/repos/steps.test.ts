import { beforeEach, describe, expect, it } from 'vitest';
import { stallOfStepId, stepId } from '../../../domain';
import { DangolDb } from '../database';
import { setMeta } from '../meta';
import { ValidationError } from '../errors';
import { checklistItems, listStepEvents, listSteps, progressOf, setStepStatus, stepCounts } from './steps';

let db: DangolDb;
beforeEach(async () => {
  db = new DangolDb(`t-${crypto.randomUUID()}`);
  await setMeta(db, 'marketId', 'm1');
});

describe('steps repository', () => {
  it('shows untouched steps as to do, and counts done + n/a as progress', async () => {
    await setStepStatus(db, { stallId: 's1', no: 3, status: 'done', tutorId: 't1' });
    await setStepStatus(db, { stallId: 's1', no: 7, status: 'na', tutorId: 't1' });
    await setStepStatus(db, { stallId: 's1', no: 2, status: 'blocked', reason: '사업자등록증 없음', tutorId: 't1' });
    const items = checklistItems('s1', await listSteps(db, 's1'));
    expect(items).toHaveLength(15);
    expect(items[0]?.status).toBe('todo');
    expect(items[2]).toMatchObject({ status: 'done', by: 't1', id: stepId('s1', 3) });
    expect(items[1]).toMatchObject({ status: 'blocked', reason: '사업자등록증 없음' });
    expect(progressOf(items)).toEqual({ complete: 2, blocked: 1, total: 15 });
  });

  it('writes the step and its history event in one go, with deterministic step ids', async () => {
    await setStepStatus(db, { stallId: 's1', no: 4, status: 'done', tutorId: 't1' });
    await setStepStatus(db, { stallId: 's1', no: 4, status: 'todo', tutorId: 't2' });
    expect(await db.steps.count()).toBe(1);
    const step = await db.steps.get(stepId('s1', 4));
    expect(step).toMatchObject({ status: 'todo', doneBy: null });
    const events = await listStepEvents(db, stepId('s1', 4));
    expect(events.map((e) => [e.status, e.tutorId])).toEqual([
      ['todo', 't2'],
      ['done', 't1'],
    ]);
    const outbox = await db.outbox.toArray();
    expect(outbox.map((o) => o.entity)).toEqual(['step', 'stepEvent', 'step', 'stepEvent']);
  });

  it('refuses a blocked step without a reason and writes nothing', async () => {
    await expect(
      setStepStatus(db, { stallId: 's1', no: 2, status: 'blocked', reason: '  ', tutorId: 't1' }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(setStepStatus(db, { stallId: 's1', no: 99, status: 'done', tutorId: 't1' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await db.steps.count()).toBe(0);
    expect(await db.stepEvents.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('writes neither step nor event when the event write fails', async () => {
    const events = db.table('stepEvents');
    const orig = events.put.bind(events);
    events.put = () => Promise.reject(new DOMException('full', 'QuotaExceededError')) as never;
    await expect(setStepStatus(db, { stallId: 's1', no: 1, status: 'done', tutorId: 't1' })).rejects.toBeTruthy();
    events.put = orig;
    expect(await db.steps.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('reads a step id as its stall and refuses ids of another form', () => {
    expect(stallOfStepId(stepId('st-1:x', 12))).toBe('st-1:x');
    expect(stallOfStepId('st-1:s')).toBeUndefined();
    expect(stallOfStepId(':s3')).toBeUndefined();
    expect(stallOfStepId('st-1:s3a')).toBeUndefined();
    expect(stallOfStepId('random-id')).toBeUndefined();
  });

  it('counts progress per stall from the step ids, and from the index when an id is not a step id', async () => {
    await setStepStatus(db, { stallId: 's1', no: 1, status: 'done', tutorId: 't1' });
    await setStepStatus(db, { stallId: 's1', no: 2, status: 'na', tutorId: 't1' });
    await setStepStatus(db, { stallId: 's2', no: 1, status: 'done', tutorId: 't1' });
    await setStepStatus(db, { stallId: 's2', no: 3, status: 'blocked', reason: '서류 없음', tutorId: 't1' });
    const counts = await stepCounts(db);
    expect(Object.fromEntries(counts.complete)).toEqual({ s1: 2, s2: 1 });
    expect([...counts.blocked]).toEqual(['s2']);
    // A row whose id does not name its stall (not written by this app): the stall comes from the index instead.
    const row = await db.steps.get(stepId('s2', 1));
    await db.steps.put({ ...row!, id: 'odd-id', stallId: 's3' });
    const again = await stepCounts(db);
    expect(Object.fromEntries(again.complete)).toEqual({ s1: 2, s2: 1, s3: 1 });
  });
});
