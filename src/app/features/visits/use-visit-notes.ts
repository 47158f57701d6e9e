// Live list of the notes written during one visit, for the read-only list on the visit screen.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { listVisitNotes } from '../../db/repos/visit-notes';

export function useVisitNotes(visitId: string) {
  return useLiveQuery(() => listVisitNotes(getDb(), visitId), [visitId]);
}
