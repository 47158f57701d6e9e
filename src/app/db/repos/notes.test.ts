import { beforeEach, describe, expect, it } from 'vitest';
import { DangolDb } from '../database';
import { setMeta } from '../meta';
import { listNotes, openNote, saveNote, type NoteText } from './notes';

let db: DangolDb;
beforeEach(async () => {
  db = new DangolDb(`t-${crypto.randomUUID()}`);
  await setMeta(db, 'marketId', 'm1');
});

const text = (taught: string): NoteText => ({ topics: ['쿠폰'], taught, hard: '', nextStep: '', followUpDate: null });

describe('notes repository', () => {
  it('saves, edits and lists newest first', async () => {
    const first = await saveNote(db, { stallId: 's1', text: text('첫 노트'), base: null, tutorId: 't1' });
    await new Promise((r) => setTimeout(r, 5));
    await saveNote(db, { stallId: 's1', text: text('둘째 노트'), base: null, tutorId: 't1' });
    const opened = await openNote(db, first.id);
    const edited = await saveNote(db, {
      id: first.id,
      stallId: 's1',
      text: text('고친 노트'),
      base: opened!.base,
      tutorId: 't1',
    });
    expect(edited).toMatchObject({ id: first.id, conflict: false });
    const listed = await listNotes(db, 's1');
    expect(listed.map((n) => [n.taught, n.edited])).toEqual([
      ['둘째 노트', false],
      ['고친 노트', true],
    ]);
  });

  it('turns an edit that raced another into a conflict copy: both texts kept', async () => {
    const n = await saveNote(db, { stallId: 's1', text: text('원본'), base: null, tutorId: 't1' });
    const a = await openNote(db, n.id);
    const b = await openNote(db, n.id);
    await saveNote(db, { id: n.id, stallId: 's1', text: text('A가 고침'), base: a!.base, tutorId: 't1' });
    const res = await saveNote(db, { id: n.id, stallId: 's1', text: text('B가 고침'), base: b!.base, tutorId: 't2' });
    expect(res.conflict).toBe(true);
    expect(res.id).not.toBe(n.id);
    const notes = await listNotes(db, 's1');
    expect(notes.map((x) => x.taught).sort()).toEqual(['A가 고침', 'B가 고침']);
    expect(notes.find((x) => x.id === res.id)?.conflictOf).toBe(n.id);
  });

  it('pages the newest notes, skipping deleted ones (a plain read, then a filtered one when some are deleted)', async () => {
    const ids: string[] = [];
    for (const taught of ['1', '2', '3', '4', '5']) {
      ids.push((await saveNote(db, { stallId: 's1', text: text(taught), base: null, tutorId: 't1' })).id);
      await new Promise((r) => setTimeout(r, 3));
    }
    const page = async (limit?: number) => (await listNotes(db, 's1', limit)).map((n) => n.taught);
    expect(await page(2)).toEqual(['5', '4']);
    // A note deleted elsewhere arrives by sync with `deleted: true`.
    await db.notes.update(ids[4]!, { deleted: true });
    await db.notes.update(ids[2]!, { deleted: true });
    expect(await page(2)).toEqual(['4', '2']);
    expect(await page(3)).toEqual(['4', '2', '1']);
    expect(await page()).toEqual(['4', '2', '1']);
  });
});
