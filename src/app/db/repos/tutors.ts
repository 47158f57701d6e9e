// Reads of a market's tutors (names for visits, notes and checklists; the "who is using the tablet" picker).
import { useLiveQuery } from 'dexie-react-hooks';
import { compareKorean, type Tutor } from '../../../domain';
import { getDb, type DangolDb, type Local } from '../database';
import { useKeptLiveQuery } from '../kept-answers';

/** The market's tutors that are not deleted, lead(s) first, then by name (Korean order, numbers by value). */
export async function listTutors(db: DangolDb, marketId: string): Promise<Tutor[]> {
  const rows = await db.tutors.where('marketId').equals(marketId).toArray();
  return rows
    .filter((t) => !t.deleted)
    .map(({ _clocks: _c, ...t }) => t as Tutor)
    .sort((a, b) => (a.role === b.role ? compareKorean(a.name, b.name) : a.role === 'lead' ? -1 : 1));
}

/** One tutor by id (also a deleted one, so old visits still show who went); undefined when unknown. */
export async function getTutor(db: DangolDb, id: string): Promise<Tutor | undefined> {
  const row = await db.tutors.get(id);
  if (!row) return undefined;
  const { _clocks: _c, ...t } = row;
  return t as Tutor;
}

/** Live list of the market's tutors; undefined while loading, [] without a market. */
export function useTutors(marketId: string | null | undefined): Tutor[] | undefined {
  return useLiveQuery(() => (marketId ? listTutors(getDb(), marketId) : Promise.resolve([])), [marketId]);
}

/** Map id -> name of every tutor on the tablet, deleted ones too (for showing who went / who wrote). */
export async function tutorNames(db: DangolDb): Promise<Map<string, string>> {
  return namesFromRows(await db.tutors.toArray());
}

/** Tutor id -> name of the stored tutor rows (deleted ones too). */
export function namesFromRows(rows: readonly Pick<Local<'tutor'>, 'id' | 'name'>[]): Map<string, string> {
  return new Map(rows.map((t) => [t.id, t.name]));
}

const TUTOR_TABLES = ['tutors'] as const;

/** Live map id -> name of every tutor on the tablet (for showing who went / who wrote; the last answer first). */
export function useTutorNames(): Map<string, string> | undefined {
  const db = getDb();
  return useKeptLiveQuery(db, 'tutor-names', TUTOR_TABLES, () => tutorNames(db));
}
