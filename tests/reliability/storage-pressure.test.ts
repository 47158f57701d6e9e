// Storage pressure on the write path: when IndexedDB refuses a write (QuotaExceededError, raw or wrapped
// by Dexie as `inner`), the error reads as plain words and nothing already saved or queued is lost; the
// same change saves once there is room. A pull that cannot be stored keeps the cursor and the queue.
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/domain';
import { DangolDb, setDb } from '../../src/app/db/database';
import { isQuotaError } from '../../src/app/db/errors';
import { setMeta } from '../../src/app/db/meta';
import { mutate } from '../../src/app/db/mutate';
import { saveNote } from '../../src/app/db/repos/notes';
import { createStall, emptyStall } from '../../src/app/db/repos/stalls';
import { setStepStatus } from '../../src/app/db/repos/steps';
import { applyPullPage } from '../../src/app/db/repos/sync-repo';
import { initI18n } from '../../src/app/i18n';
import { common } from '../../src/app/i18n/common';
import { errorText } from '../../src/app/ui/error-text';
import { withQuota } from './quota';
import i18next from 'i18next';

async function tabletWithData() {
  const db = new DangolDb(`quota-${crypto.randomUUID()}`);
  const quota = withQuota(db);
  setDb(db);
  await setMeta(db, 'marketId', 'm-quota');
  await setMeta(db, 'tutorId', 't1');
  initI18n('ko');
  const stallId = await createStall(db, { ...emptyStall(), name: '가득상회' }, 't1');
  await saveNote(db, {
    stallId,
    text: { topics: [], taught: '이미 저장된 글', hard: '', nextStep: '', followUpDate: null },
    base: null,
    tutorId: 't1',
  });
  return { db, quota, stallId };
}

async function everything(db: DangolDb) {
  return {
    stalls: await db.stalls.toArray(),
    notes: await db.notes.toArray(),
    steps: await db.steps.toArray(),
    stepEvents: await db.stepEvents.toArray(),
    outbox: await db.outbox.toArray(),
    meta: await db.meta.toArray(),
  };
}

describe.each([false, true])('IndexedDB full (wrapped by Dexie: %s)', (wrapped) => {
  it('refuses a new note in plain words and loses nothing saved or queued; it saves once there is room', async () => {
    const { db, quota, stallId } = await tabletWithData();
    quota.wrapped = wrapped;
    const before = await everything(db);
    // The record write succeeds, the outbox write is refused: the transaction must take both back.
    quota.full.add('outbox');
    const text = { topics: [], taught: '새로 쓰는 글', hard: '', nextStep: '', followUpDate: null };
    const err = await saveNote(db, { stallId, text, base: null, tutorId: 't1' }).catch((e: unknown) => e);
    expect(quota.refused).toBeGreaterThan(0);
    expect(isQuotaError(err)).toBe(true);
    expect(errorText(err, i18next.t, 'ko')).toBe(common.ko.quotaError);
    expect(common.ko.quotaError).toMatch(/공간/);
    expect(await everything(db)).toEqual(before);

    quota.full.clear();
    await saveNote(db, { stallId, text, base: null, tutorId: 't1' });
    const texts = (await db.notes.toArray()).map((n) => n.taught).sort();
    expect(texts).toEqual(['새로 쓰는 글', '이미 저장된 글']);
    expect(await db.outbox.count()).toBe(before.outbox.length + 1);
  });

  it('lands a checklist tick and its history together or not at all', async () => {
    const { db, quota, stallId } = await tabletWithData();
    quota.wrapped = wrapped;
    const before = await everything(db);
    quota.full.add('stepEvents'); // the step itself could be written; its history event cannot
    const err = await setStepStatus(db, { stallId, no: 3, status: 'done', tutorId: 't1' }).catch((e: unknown) => e);
    expect(isQuotaError(err)).toBe(true);
    expect(await everything(db)).toEqual(before);
    quota.full.clear();
    await setStepStatus(db, { stallId, no: 3, status: 'done', tutorId: 't1' });
    expect(await db.steps.count()).toBe(1);
    expect(await db.stepEvents.count()).toBe(1);
  });

  it('keeps the cursor and the queued changes when a pulled page cannot be stored', async () => {
    const { db, quota } = await tabletWithData();
    quota.wrapped = wrapped;
    await setMeta(db, 'cursor', 7);
    const before = await everything(db);
    const clock = formatHlc({ wall: Date.now() + 1000, counter: 0 }, 'dother');
    const data = {
      ...emptyStall(),
      name: '서버상회',
      id: 'st-remote',
      marketId: 'm-quota',
      updatedAt: new Date().toISOString(),
      updatedBy: null,
    };
    const clocks = Object.fromEntries(Object.keys(data).map((k) => [k, clock]));
    quota.full.add('stalls');
    const page = { records: [{ entity: 'stall' as const, id: 'st-remote', data, clocks, seq: 8 }], cursor: 8 };
    const err = await applyPullPage(db, page, Date.now()).catch((e: unknown) => e);
    expect(isQuotaError(err)).toBe(true);
    expect(await everything(db)).toEqual(before);
    quota.full.clear();
    await applyPullPage(db, page, Date.now());
    expect((await db.stalls.get('st-remote'))?.name).toBe('서버상회');
    expect(await db.outbox.count()).toBe(before.outbox.length);
  });
});

it('an unrelated failure is not mistaken for a full disk', () => {
  expect(isQuotaError(new Error('boom'))).toBe(false);
  void mutate; // the write path under test above goes through mutate (saveNote, setStepStatus)
});
