// Notes written during one visit, read through the notes table's visitId index (read-only; notes are written
// by the notes repository). Lets the visit screen list them without reaching into the notes feature.
import type { Note } from '../../../domain';
import type { DangolDb } from '../database';

/** A visit's notes (not deleted), newest first; conflict copies included (they carry `conflictOf`). */
export async function listVisitNotes(db: DangolDb, visitId: string): Promise<Note[]> {
  const rows = await db.notes.where('visitId').equals(visitId).toArray();
  return rows
    .filter((r) => !r.deleted)
    .map((r) => {
      const { _clocks: _c, ...note } = r;
      return note as Note;
    })
    .sort((a, b) => (a.writtenAt === b.writtenAt ? (a.id < b.id ? 1 : -1) : a.writtenAt < b.writtenAt ? 1 : -1));
}
