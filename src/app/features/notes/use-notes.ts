// Live reads of a stall's notes, wrapping the notes repository in useLiveQuery.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { listNotes, type NoteView } from '../../db/repos/notes';

/** The newest `limit` notes and whether there are older ones; undefined while loading. */
export function useNotes(stallId: string, limit: number): { notes: NoteView[]; more: boolean } | undefined {
  return useLiveQuery(async () => {
    const notes = await listNotes(getDb(), stallId, limit + 1);
    return { notes: notes.slice(0, limit), more: notes.length > limit };
  }, [stallId, limit]);
}
