// The note written during a visit (the latest one for that visit), for reopening it and for the follow-up date.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { listNotes } from '../../db/repos/notes';

export interface VisitNoteInfo {
  noteId: string | null;
  followUpDate: string | null;
  nextStep: string;
}

export function useVisitNote(stallId: string, visitId: string): VisitNoteInfo | undefined {
  return useLiveQuery(async () => {
    const notes = await listNotes(getDb(), stallId);
    const note = notes.find((n) => n.visitId === visitId && n.conflictOf === null);
    return { noteId: note?.id ?? null, followUpDate: note?.followUpDate ?? null, nextStep: note?.nextStep ?? '' };
  }, [stallId, visitId]);
}
