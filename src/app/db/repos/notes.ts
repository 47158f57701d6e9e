// 1:1 consulting notes: the only code touching the notes table. An edit is saved with the text clock the
// editor opened (its `base`), so an edit racing someone else's becomes a conflict copy, never an overwrite.
import Dexie from 'dexie';
import { compareHlc, NOTE_TEXT_FIELDS, noteTextClock, timeOrderedUuid, type Hlc, type Note } from '../../../domain';
import type { DangolDb, Local } from '../database';
import { mutate, toVersioned } from '../mutate';

export type NoteText = Pick<Note, (typeof NOTE_TEXT_FIELDS)[number]>;

function strip(row: Local<'note'>): Note {
  const { _clocks: _c, ...n } = row;
  return n as Note;
}

/** A note for the timeline; `edited` when its text changed after it was first written. */
export type NoteView = Note & { edited: boolean };

/** Notes shown at first and added per "더 보기": a stall with many notes opens without rendering them all. */
export const NOTES_PAGE = 10;

/** The newest notes of a stall and whether there are older ones. */
export interface NotesPage {
  notes: NoteView[];
  more: boolean;
}

/**
 * A stall's notes (not deleted), newest first; conflict copies included (they carry `conflictOf`). With
 * `limit`, only the newest `limit` notes are read (the timeline pages them; bench 4c).
 */
export async function listNotes(db: DangolDb, stallId: string, limit = Infinity): Promise<NoteView[]> {
  const newest = () =>
    db.notes.where('[stallId+writtenAt]').between([stallId, Dexie.minKey], [stallId, Dexie.maxKey]).reverse();
  // A plain key range is read in one request (getAll, newest first); a filtered one steps a cursor, one IndexedDB
  // round trip (and one task) per note: ≈ 11 in a row inside every stall opening (bench 4c). So read the newest
  // `limit` rows plainly, and only if some of them are deleted read again skipping the deleted ones.
  const plain = await (Number.isFinite(limit) ? newest().limit(limit) : newest()).toArray();
  const rows = !plain.some((r) => r.deleted)
    ? plain
    : Number.isFinite(limit)
      ? await newest()
          .filter((r) => !r.deleted)
          .limit(limit)
          .toArray()
      : plain.filter((r) => !r.deleted);
  return noteViews(rows);
}

/** Stored note rows (not deleted) as the timeline shows them. */
export function noteViews(rows: readonly Local<'note'>[]): NoteView[] {
  return rows.map((r) => {
    const text = noteTextClock(toVersioned<'note'>(r));
    return { ...strip(r), edited: text !== null && compareHlc(text, r._clocks.writtenAt) > 0 };
  });
}

/** A note as an editor opens it: its fields and the text clock to save against. */
export async function openNote(db: DangolDb, id: string): Promise<{ note: Note; base: Hlc | null } | undefined> {
  const row = await db.notes.get(id);
  if (!row || row.deleted) return undefined;
  return { note: strip(row), base: noteTextClock(toVersioned<'note'>(row)) };
}

export interface SaveNoteInput {
  /** Absent or null: a new note. */
  id?: string | null;
  stallId: string;
  visitId?: string | null;
  text: NoteText;
  /** The note's text clock when the editor opened it (openNote); null for a new note. */
  base: Hlc | null;
  tutorId: string | null;
}

export interface SaveNoteResult {
  /** The note now holding the tutor's text: the note itself, or a conflict copy of it. */
  id: string;
  conflict: boolean;
  /** The text clock to save against next time. */
  base: Hlc | null;
}

/** Save a note's text. Throws ValidationError (nothing written) on bad input; quota errors pass through. */
export async function saveNote(db: DangolDb, input: SaveNoteInput): Promise<SaveNoteResult> {
  if (!input.id) {
    const id = `n-${timeOrderedUuid()}`;
    const row = await mutate(db, {
      entity: 'note',
      id,
      tutorId: input.tutorId,
      base: null,
      fields: {
        ...input.text,
        stallId: input.stallId,
        visitId: input.visitId ?? null,
        tutorId: input.tutorId,
        writtenAt: new Date().toISOString(),
        conflictOf: null,
        deleted: false,
      },
    });
    return { id, conflict: false, base: noteTextClock(toVersioned<'note'>(row)) };
  }
  const id = input.id;
  return db.transaction('rw', [db.notes, db.outbox, db.meta], async () => {
    const before = new Set(await db.notes.where('conflictOf').equals(id).primaryKeys());
    const row = await mutate(db, { entity: 'note', id, tutorId: input.tutorId, base: input.base, fields: input.text });
    const copies = await db.notes.where('conflictOf').equals(id).primaryKeys();
    const copyId = copies.find((c) => !before.has(c));
    if (copyId === undefined) return { id, conflict: false, base: noteTextClock(toVersioned<'note'>(row)) };
    const copy = await db.notes.get(copyId);
    return { id: copyId, conflict: true, base: noteTextClock(toVersioned<'note'>(copy)) };
  });
}
