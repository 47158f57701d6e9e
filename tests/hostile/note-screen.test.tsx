// What a tutor sees under hostile or heavy conditions: a note that arrives by sync with HTML and script in
// every text field renders as text (no element is made from it), and when IndexedDB refuses the write
// mid-transaction (QuotaExceededError wrapped by Dexie) the note editor keeps the typed text and says so.
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { formatHlc } from '../../src/domain';
import { DangolDb, setDb } from '../../src/app/db/database';
import { setMeta } from '../../src/app/db/meta';
import { mutate } from '../../src/app/db/mutate';
import { createStall, emptyStall } from '../../src/app/db/repos/stalls';
import { applyPullPage } from '../../src/app/db/repos/sync-repo';
import { initI18n } from '../../src/app/i18n';
import { common } from '../../src/app/i18n/common';
import { renderApp } from '../support/render-app';
import { withQuota } from '../reliability/quota';

const EVIL = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><a href="javascript:1">링크</a>';

async function tablet() {
  const db = new DangolDb(`hostile-ui-${crypto.randomUUID()}`);
  const quota = withQuota(db);
  setDb(db);
  await setMeta(db, 'marketId', 'm-ui');
  await setMeta(db, 'tutorId', 't1');
  await setMeta(db, 'language', 'ko');
  initI18n('ko');
  await mutate(db, {
    entity: 'tutor',
    id: 't1',
    tutorId: null,
    fields: {
      name: '김하늘',
      role: 'tutor',
      active: true,
      pinHash: null,
      pinSalt: null,
      pinIterations: 0,
      locked: false,
      deleted: false,
    },
  });
  const stallId = await createStall(db, { ...emptyStall(), name: '행복청과' }, 't1');
  return { db, quota, stallId };
}

describe('notes under hostile text and a full disk', () => {
  it('renders a synced note with HTML and script in every text field as plain text', async () => {
    const { db, stallId } = await tablet();
    const clock = formatHlc({ wall: Date.now(), counter: 0 }, 'devil');
    const data = {
      id: 'n-evil',
      marketId: 'm-ui',
      updatedAt: new Date().toISOString(),
      updatedBy: null,
      deleted: false,
      stallId,
      visitId: null,
      tutorId: null,
      topics: ['<b>주제</b>'],
      taught: EVIL,
      hard: `${EVIL} 어려움`,
      nextStep: `${EVIL} 다음`,
      followUpDate: null,
      writtenAt: new Date().toISOString(),
      conflictOf: null,
    };
    const clocks = Object.fromEntries(Object.keys(data).map((k) => [k, clock]));
    await applyPullPage(
      db,
      { records: [{ entity: 'note', id: 'n-evil', data, clocks, seq: 1 }], cursor: 1 },
      Date.now(),
    );

    renderApp(`/stalls/${stallId}`);
    const card = await within(await screen.findByRole('feed', { name: '상담 기록' })).findByRole('article');
    expect(card).toHaveTextContent(EVIL);
    expect(card.querySelector('img, script, a[href^="javascript"], b')).toBeNull();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('keeps the typed note and says in plain words that storage is full; saves it once there is room', async () => {
    const { db, quota, stallId } = await tablet();
    const { user } = renderApp(`/stalls/${stallId}`);
    await user.click(await screen.findByRole('button', { name: '새 노트 쓰기' }));
    const form = await screen.findByRole('form', { name: '새 상담 노트' });
    await user.type(within(form).getByLabelText('가르친 내용'), '쿠폰 만드는 법');
    const queued = await db.outbox.toArray();

    quota.wrapped = true;
    quota.full.add('outbox'); // the note row could be written; its outbox entry cannot: all is taken back
    await user.click(within(form).getByRole('button', { name: '노트 저장' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(common.ko.quotaError);
    expect(within(form).getByLabelText('가르친 내용')).toHaveValue('쿠폰 만드는 법');
    expect(await db.notes.count()).toBe(0);
    expect(await db.outbox.toArray()).toEqual(queued);

    quota.full.clear();
    await user.click(within(form).getByRole('button', { name: '노트 저장' }));
    expect(await within(form).findByText('노트를 저장했습니다.')).toBeInTheDocument();
    expect((await db.notes.toArray()).map((n) => n.taught)).toEqual(['쿠폰 만드는 법']);
    expect(await db.outbox.count()).toBe(queued.length + 1);
  });
});
