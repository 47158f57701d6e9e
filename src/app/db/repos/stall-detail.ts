// The stall detail's data in one read-only transaction: the stall, its consents, checklist, visits, newest notes
// and the tutors' names (bench 4c: one read and one React commit for the whole detail, not one per panel).
import type { Consent, Stall, Visit } from '../../../domain';
import type { DangolDb } from '../database';
import { listConsents } from './consents';
import { listNotes, type NotesPage } from './notes';
import { getStall } from './stalls';
import { checklistItems, listSteps, type ChecklistItem } from './steps';
import { tutorNames } from './tutors';
import { listStallVisits } from './visits';

export interface StallDetailData {
  /** null when there is no such stall (or it was deleted). */
  stall: Stall | null;
  consents: Consent[];
  checklist: ChecklistItem[];
  /** Newest first. */
  visits: Visit[];
  notes: NotesPage;
  /** Tutor id -> name, deleted tutors too. */
  names: Map<string, string>;
}

export type StallDetailPart = keyof StallDetailData;
type Part = StallDetailPart;

/** How each part is read (each also watched by its own live query once the detail has painted). */
const READ: { [P in Part]: (db: DangolDb, stallId: string, notesLimit: number) => Promise<StallDetailData[P]> } = {
  stall: async (db, stallId) => {
    const s = await getStall(db, stallId);
    return s && !s.deleted ? s : null;
  },
  consents: async (db, stallId) => listConsents(db, stallId),
  checklist: async (db, stallId) => checklistItems(stallId, await listSteps(db, stallId)),
  visits: async (db, stallId) => listStallVisits(db, stallId),
  notes: async (db, stallId, limit) => {
    const notes = await listNotes(db, stallId, limit + 1);
    return { notes: notes.slice(0, limit), more: notes.length > limit };
  },
  names: async (db) => tutorNames(db),
};

export const STALL_DETAIL_PARTS = Object.keys(READ) as Part[];
const PARTS = STALL_DETAIL_PARTS;

/** One part, read on its own (the detail's live queries watch each part separately). */
export function readStallDetailPart<P extends Part>(
  db: DangolDb,
  part: P,
  stallId: string,
  notesLimit: number,
): Promise<StallDetailData[P]> {
  return READ[part](db, stallId, notesLimit);
}

/** Everything the detail shows, read in parallel in one read-only transaction (one instead of six). */
export async function loadStallDetail(db: DangolDb, stallId: string, notesLimit: number): Promise<StallDetailData> {
  const tables = [db.stalls, db.consents, db.steps, db.visits, db.notes, db.tutors];
  const values = await db.transaction('r', tables, () =>
    Promise.all(PARTS.map((p) => READ[p](db, stallId, notesLimit))),
  );
  return Object.fromEntries(PARTS.map((p, i) => [p, values[i]])) as unknown as StallDetailData;
}
