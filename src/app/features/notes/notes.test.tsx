import { describe, expect, it } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import { freshDb, renderApp } from '../../../../tests/support/render-app';
import type { DangolDb } from '../../db/database';
import { mutate } from '../../db/mutate';
import { NOTES_PAGE, openNote, saveNote } from '../../db/repos/notes';
import { createStall, emptyStall } from '../../db/repos/stalls';
import { common } from '../../i18n/common';

// The whole suite runs in parallel on small machines: give live queries time to settle.
configure({ asyncUtilTimeout: 5000 });

async function setup() {
  const db = await freshDb({ tutorId: 't1' });
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
  return { db, stallId };
}

const editor = (name: string) => screen.findByRole('form', { name });
const feed = () => screen.getByRole('feed', { name: '상담 기록' });

async function notesOf(db: DangolDb) {
  return (await db.notes.toArray()).filter((n) => !n.deleted);
}

describe('Consulting notes on stall detail', () => {
  it('writes a note, edits it, and shows it in the timeline with author and time', async () => {
    const { db, stallId } = await setup();
    const { user } = renderApp(`/stalls/${stallId}`);
    await user.click(await screen.findByRole('button', { name: '새 노트 쓰기' }));
    let form = await editor('새 상담 노트');

    // Nothing written: refused beside the field, nothing saved.
    await user.click(within(form).getByRole('button', { name: '노트 저장' }));
    expect(
      await within(form).findByText('가르친 내용, 어려운 점, 다음 할 일 중 하나는 적어 주세요.'),
    ).toBeInTheDocument();
    expect(within(form).getByLabelText('가르친 내용')).toHaveAttribute('aria-invalid', 'true');
    expect(await notesOf(db)).toHaveLength(0);

    await user.click(within(form).getByRole('button', { name: '쿠폰' }));
    await user.type(within(form).getByLabelText('주제 직접 적기'), '가격표{Enter}');
    await user.type(within(form).getByLabelText('가르친 내용'), '친구추가 쿠폰 만드는 법');
    await user.type(within(form).getByLabelText('상인이 어려워한 점'), '글씨가 작아 잘 안 보임');
    await user.type(within(form).getByLabelText('다음 할 일'), '웰컴메시지 쓰기');
    await user.type(within(form).getByLabelText('다음 방문 날짜'), '2026-03-10');
    await user.click(within(form).getByRole('button', { name: '노트 저장' }));
    expect(await within(form).findByText('노트를 저장했습니다.')).toBeInTheDocument();

    const [note] = await notesOf(db);
    expect(note).toMatchObject({
      stallId,
      tutorId: 't1',
      topics: ['쿠폰', '가격표'],
      taught: '친구추가 쿠폰 만드는 법',
      followUpDate: '2026-03-10',
    });
    const card = await within(feed()).findByRole('article', { name: /^김하늘 · / });
    expect(card).toHaveTextContent('친구추가 쿠폰 만드는 법');
    expect(card).toHaveTextContent('글씨가 작아 잘 안 보임');
    expect(within(card).getByRole('list', { name: '주제' })).toHaveTextContent('가격표');
    expect(card).not.toHaveTextContent('김하늘 고침');

    // Edit it from the timeline.
    await user.click(screen.getByRole('button', { name: '닫기' }));
    await user.click(within(card).getByRole('button', { name: /노트 고치기$/ }));
    form = await editor('상담 노트 고치기');
    const taught = within(form).getByLabelText('가르친 내용');
    expect(taught).toHaveValue('친구추가 쿠폰 만드는 법');
    await user.clear(taught);
    await user.type(taught, '쿠폰 버튼을 웰컴메시지에 넣는 법');
    await user.click(within(form).getByRole('button', { name: '노트 저장' }));
    expect(await within(form).findByText('노트를 저장했습니다.')).toBeInTheDocument();
    await waitFor(() => expect(feed()).toHaveTextContent('쿠폰 버튼을 웰컴메시지에 넣는 법'));
    expect(feed()).not.toHaveTextContent('친구추가 쿠폰 만드는 법');
    expect(feed()).toHaveTextContent('김하늘 고침');
    expect(await notesOf(db)).toHaveLength(1);
  });

  it('shows HTML and script-like text as plain text', async () => {
    const { db, stallId } = await setup();
    const { user } = renderApp(`/stalls/${stallId}`);
    await user.click(await screen.findByRole('button', { name: '새 노트 쓰기' }));
    const form = await editor('새 상담 노트');
    const evil = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2"><b>굵게</b>';
    await user.type(within(form).getByLabelText('가르친 내용'), evil);
    await user.click(within(form).getByRole('button', { name: '노트 저장' }));
    await waitFor(async () => expect(await notesOf(db)).toHaveLength(1));
    const card = await within(await screen.findByRole('feed', { name: '상담 기록' })).findByRole('article');
    expect(card).toHaveTextContent(evil);
    expect(card.querySelector('script, img, b')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('keeps the typed text and says so in plain words when storage is full', async () => {
    const { db, stallId } = await setup();
    const { user } = renderApp(`/stalls/${stallId}`);
    await user.click(await screen.findByRole('button', { name: '새 노트 쓰기' }));
    const form = await editor('새 상담 노트');
    await user.type(within(form).getByLabelText('가르친 내용'), '소식 발행하는 법');
    await user.type(within(form).getByLabelText('다음 할 일'), '사진 찍어 두기');

    const table = db.table('notes');
    const put = table.put.bind(table);
    table.put = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) as never;
    await user.click(within(form).getByRole('button', { name: '노트 저장' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(common.ko.quotaError);
    expect(within(form).getByLabelText('가르친 내용')).toHaveValue('소식 발행하는 법');
    expect(within(form).getByLabelText('다음 할 일')).toHaveValue('사진 찍어 두기');
    expect(await db.notes.count()).toBe(0);
    expect(await db.outbox.where('entity').equals('note').count()).toBe(0);

    // Space freed: the same text saves.
    table.put = put;
    await user.click(within(form).getByRole('button', { name: '노트 저장' }));
    expect(await within(form).findByText('노트를 저장했습니다.')).toBeInTheDocument();
    expect((await notesOf(db))[0]?.taught).toBe('소식 발행하는 법');
  });

  it('shows the newest page of notes, newest first, and older ones on "더 보기"', async () => {
    const { db, stallId } = await setup();
    // The stall detail renders its first two cards first and the rest right after: all of the page must come.
    const count = NOTES_PAGE + 2;
    for (let i = 1; i <= count; i++) {
      const text = { topics: [], taught: `노트 ${i}번`, hard: '', nextStep: '', followUpDate: null };
      await saveNote(db, { stallId, text, base: null, tutorId: 't1' });
    }
    const { user } = renderApp(`/stalls/${stallId}`);
    await waitFor(() => expect(within(feed()).getAllByRole('article')).toHaveLength(NOTES_PAGE));
    const texts = () =>
      within(feed())
        .getAllByRole('article')
        .map((a) => /노트 \d+번/.exec(a.textContent ?? '')?.[0]);
    expect(texts()).toEqual(Array.from({ length: NOTES_PAGE }, (_, i) => `노트 ${count - i}번`));
    await user.click(screen.getByRole('button', { name: '더 보기' }));
    await waitFor(() => expect(within(feed()).getAllByRole('article')).toHaveLength(count));
    expect(texts().at(-1)).toBe('노트 1번');
    expect(screen.queryByRole('button', { name: '더 보기' })).toBeNull();
  });

  it('keeps both texts when another tutor edited the note meanwhile, marking the conflict copy', async () => {
    const { db, stallId } = await setup();
    const text = { topics: [], taught: '원래 내용', hard: '', nextStep: '', followUpDate: null };
    const first = await saveNote(db, { stallId, text, base: null, tutorId: 't1' });
    const { user } = renderApp(`/stalls/${stallId}`);
    const card = await within(await screen.findByRole('feed')).findByRole('article');
    await user.click(within(card).getByRole('button', { name: /노트 고치기$/ }));
    const form = await editor('상담 노트 고치기');

    // Another tablet's edit lands while this editor is open.
    const other = await openNote(db, first.id);
    await saveNote(db, {
      id: first.id,
      stallId,
      text: { ...text, taught: '다른 튜터 내용' },
      base: other!.base,
      tutorId: 't2',
    });

    const taught = within(form).getByLabelText('가르친 내용');
    await user.clear(taught);
    await user.type(taught, '내가 고친 내용');
    await user.click(within(form).getByRole('button', { name: '노트 저장' }));
    expect(await within(form).findByText(/사본으로 따로 저장했고/)).toBeInTheDocument();
    await waitFor(() => expect(within(feed()).getAllByRole('article')).toHaveLength(2));
    expect(feed()).toHaveTextContent('다른 튜터 내용');
    expect(feed()).toHaveTextContent('내가 고친 내용');
    expect(within(feed()).getByText('충돌 사본')).toBeInTheDocument();
  });
});
