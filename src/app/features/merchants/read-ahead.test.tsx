// The details of the stalls on screen are read ahead of a tap (use-stall-detail.ts `readAhead`): a tap on one opens
// it at once, and what is read ahead is never shown stale.
import { beforeAll, describe, expect, it } from 'vitest';
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { freshDb, renderApp } from '../../../../tests/support/render-app';
import type { DangolDb } from '../../db/database';
import { saveNote } from '../../db/repos/notes';
import { createStall, emptyStall } from '../../db/repos/stalls';
import { setMeta } from '../../db/meta';
import { isReadAhead, readAhead } from './use-stall-detail';

configure({ asyncUtilTimeout: 5000 });

// happy-dom does no layout: give the list's scroll box a height so the virtualizer renders rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
});

const note = (db: DangolDb, stallId: string, taught: string) =>
  saveNote(db, {
    stallId,
    text: { topics: [], taught, hard: '', nextStep: '', followUpDate: null },
    base: null,
    tutorId: 't1',
  });

async function market() {
  const db = await freshDb({ tutorId: 't1' });
  const a = await createStall(db, { ...emptyStall(), name: '행복청과', category: '청과·채소' }, 't1');
  const b = await createStall(db, { ...emptyStall(), name: '바다수산', category: '수산' }, 't1');
  await note(db, a, '채널 개설 도움');
  await note(db, b, '소식 발행 연습');
  return { db, a, b };
}

const row = async (name: string) =>
  (await within(screen.getByRole('list', { name: '점포 목록' })).findByText(name)).closest('a')!;
const feedTexts = () =>
  within(screen.getByRole('feed'))
    .getAllByRole('article')
    .map((a) => a.textContent ?? '');

describe('Stalls: details read ahead of a tap', () => {
  it('reads the shown stalls ahead, so a tap opens one without waiting for the database', async () => {
    const { db, a, b } = await market();
    renderApp('/stalls');
    await waitFor(() => expect(isReadAhead(a, db) && isReadAhead(b, db)).toBe(true));

    fireEvent.click(await row('바다수산'));
    // Only the tap's own task and its promise callbacks: no IndexedDB round trip (fake-indexeddb answers in later
    // tasks), yet the detail is there.
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.getByRole('heading', { level: 2, name: '바다수산' })).toBeInTheDocument();
    expect(feedTexts().join()).toContain('소식 발행 연습');
  });

  it('never shows what was read ahead once the stall has changed since', async () => {
    const { db, a } = await market();
    renderApp('/stalls');
    await waitFor(() => expect(isReadAhead(a, db)).toBe(true));

    // A change elsewhere in the database (the tablet's settings) keeps it; a new note on the stall drops it.
    await setMeta(db, 'language', 'ko');
    expect(isReadAhead(a, db)).toBe(true);
    await note(db, a, '새로 쓴 노트');
    expect(isReadAhead(a, db)).toBe(false);

    fireEvent.click(await row('행복청과'));
    const heading = await screen.findByRole('heading', { level: 2, name: '행복청과' });
    expect(heading).toBeInTheDocument();
    // The first thing shown (the newest note's card) is already the new note: the detail's own live queries
    // would bring it only later.
    expect(feedTexts()[0]).toContain('새로 쓴 노트');

    // Read again while the list shows it (after a short wait), with the new note.
    fireEvent.click(screen.getByRole('link', { name: /목록으로/ }));
    await waitFor(() => expect(isReadAhead(a, db)).toBe(true));
  });

  it('keeps a stall that was open read for the next tap, unless it changed while open', async () => {
    const { db, a } = await market();
    renderApp('/stalls');
    await waitFor(() => expect(isReadAhead(a, db)).toBe(true));
    const back = async () => {
      fireEvent.click(screen.getByRole('link', { name: /목록으로/ }));
      await waitFor(() => expect(screen.queryByRole('heading', { level: 2, name: '행복청과' })).toBeNull());
    };

    fireEvent.click(await row('행복청과'));
    await screen.findByRole('heading', { level: 2, name: '행복청과' });
    expect(isReadAhead(a, db)).toBe(false);
    await back();
    expect(isReadAhead(a, db)).toBe(true);

    // A note written while the stall is open: its live queries show it; the detail is then read afresh, not kept.
    fireEvent.click(await row('행복청과'));
    await screen.findByRole('heading', { level: 2, name: '행복청과' });
    await note(db, a, '열어 둔 사이 쓴 노트');
    await waitFor(() => expect(feedTexts()[0]).toContain('열어 둔 사이 쓴 노트'));
    await back();
    expect(isReadAhead(a, db)).toBe(false);
    await waitFor(() => expect(isReadAhead(a, db)).toBe(true));
    fireEvent.click(await row('행복청과'));
    await screen.findByRole('heading', { level: 2, name: '행복청과' });
    expect(feedTexts()[0]).toContain('열어 둔 사이 쓴 노트');
  });

  it('keeps reading ahead for the list on screen when one shown before it goes away', async () => {
    const { db, a, b } = await market();
    // The 점포 warm-up's list (off-page) and then the real one; the warm-up's unmounts after the real one mounted.
    const stopWarmUp = readAhead([a], { db });
    const stopShown = readAhead([b], { db });
    stopWarmUp();
    await waitFor(() => expect(isReadAhead(b, db)).toBe(true));
    stopShown();
  });
});
