// The stall detail's data in one read-only transaction: the stall, its consents, checklist, visits, newest notes
// and the tutors' names (bench 4c: one read and one React commit for the whole detail, not one per panel).
import Dexie from 'dexie';
import type { Consent, Stall, Visit } from '../../../domain';
import type { DangolDb, Local } from '../database';
import { consentsFromRows, listConsents } from './consents';
import { listNotes, noteViews, type NotesPage } from './notes';
import { getStall, stallFromRow } from './stalls';
import { checklistItems, listSteps, stepsFromRows, type ChecklistItem } from './steps';
import { namesFromRows, tutorNames } from './tutors';
import { listStallVisits, stallVisitsFromRows } from './visits';

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
  if (db.isOpen()) {
    try {
      return await readNatively(db, stallId, notesLimit);
    } catch {
      // The connection closed under the read (a version change, a wipe): Dexie reopens it and reads again.
    }
  }
  const tables = [db.stalls, db.consents, db.steps, db.visits, db.notes, db.tutors];
  const values = await db.transaction('r', tables, () =>
    Promise.all(PARTS.map((p) => READ[p](db, stallId, notesLimit))),
  );
  return Object.fromEntries(PARTS.map((p, i) => [p, values[i]])) as unknown as StallDetailData;
}

const answer = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB read failed'));
  });

/** IndexedDB 3 (Chromium 141+): getAll with a direction, so the newest notes come in one request. */
const canGetAllBackwards = typeof IDBObjectStore !== 'undefined' && 'getAllRecords' in IDBObjectStore.prototype;

/** The newest `count` values of an index range: one request where the browser can, else a cursor (Safari). */
export function newestOf(
  index: IDBIndex,
  query: IDBKeyRange,
  count: number,
  oneRequest = canGetAllBackwards,
): Promise<unknown[]> {
  if (oneRequest) {
    const getAll = index.getAll as unknown as (o: {
      query: IDBKeyRange;
      count: number;
      direction: 'prev';
    }) => IDBRequest;
    return answer(getAll.call(index, { query, count, direction: 'prev' })) as Promise<unknown[]>;
  }
  return new Promise((resolve, reject) => {
    const out: unknown[] = [];
    const req = index.openCursor(query, 'prev');
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor || out.push(cursor.value) >= count) return resolve(out);
      cursor.continue();
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB read failed'));
  });
}

/**
 * The same read straight on IndexedDB (the repos' own row-to-record functions shape the rows): Dexie's promise and
 * zone machinery around the six queries was ≈ 40% of the read, on the main thread of every stall opening (in-page
 * at CPU 4x, 40 alternating reads: median 23 -> 14 ms; bench 4c). Only this first read of a tap; the live queries
 * that keep the detail current afterwards are Dexie's.
 */
async function readNatively(db: DangolDb, stallId: string, notesLimit: number): Promise<StallDetailData> {
  const tx = db.backendDB().transaction(['stalls', 'consents', 'steps', 'visits', 'notes', 'tutors'], 'readonly');
  const [stall, consents, steps, visits, notes, tutors] = await Promise.all([
    answer(tx.objectStore('stalls').get(stallId)) as Promise<Local<'stall'> | undefined>,
    answer(tx.objectStore('consents').index('stallId').getAll(stallId)) as Promise<Local<'consent'>[]>,
    answer(tx.objectStore('steps').index('stallId').getAll(stallId)) as Promise<Local<'step'>[]>,
    answer(
      tx
        .objectStore('visits')
        .index('[stallId+scheduledAt]')
        .getAll(IDBKeyRange.bound([stallId, ''], [stallId, '\uffff'])),
    ) as Promise<Local<'visit'>[]>,
    newestOf(
      tx.objectStore('notes').index('[stallId+writtenAt]'),
      IDBKeyRange.bound([stallId, Dexie.minKey], [stallId, Dexie.maxKey]),
      notesLimit + 1,
    ) as Promise<Local<'note'>[]>,
    answer(tx.objectStore('tutors').getAll()) as Promise<Local<'tutor'>[]>,
  ]);
  const s = stallFromRow(stall);
  return {
    stall: s && !s.deleted ? s : null,
    consents: consentsFromRows(consents),
    checklist: checklistItems(stallId, stepsFromRows(steps)),
    visits: stallVisitsFromRows(visits.reverse()),
    // Deleted notes among the newest: the repo's read, which skips them.
    notes: notes.some((n) => n.deleted)
      ? await READ.notes(db, stallId, notesLimit)
      : { notes: noteViews(notes.slice(0, notesLimit)), more: notes.length > notesLimit },
    names: namesFromRows(tutors),
  };
}
