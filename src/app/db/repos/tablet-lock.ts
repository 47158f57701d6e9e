// Who holds the shared tablet right now, and whether it is locked: local state in meta, read live by the
// lock overlay. The tablet is locked when asked to, when nobody valid is signed in, or after idle time.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Tutor } from '../../../domain';
import { getDb, type DangolDb } from '../database';
import { getMeta, setMeta } from '../meta';
import { listTutors } from './tutors';

const LOCKED = 'session.locked';
const LAST_ACTIVE = 'session.lastActive';
export const DEFAULT_AUTO_LOCK_MINUTES = 5;

export interface LockState {
  locked: boolean;
  /** The signed-in tutor, or null (nobody, or a tutor since deactivated/locked). */
  tutor: Tutor | null;
  /** Active tutors of the market, for "who is using the tablet?". */
  tutors: Tutor[];
  autoLockMinutes: number;
}

export async function markSignedIn(db: DangolDb, tutorId: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await setMeta(db, 'tutorId', tutorId);
    await db.meta.put({ key: LOCKED, value: false });
    await db.meta.put({ key: LAST_ACTIVE, value: now });
  });
}

/** Lock the tablet (the signed-in tutor stays recorded so their drafts can find them again). */
export async function lockTablet(db: DangolDb): Promise<void> {
  await db.meta.put({ key: LOCKED, value: true });
}

export async function touchActivity(db: DangolDb, now = Date.now()): Promise<void> {
  await db.meta.put({ key: LAST_ACTIVE, value: now });
}

export async function readAutoLockMinutes(db: DangolDb): Promise<number> {
  const marketId = await getMeta<string>(db, 'marketId');
  const market = marketId ? await db.markets.get(marketId) : undefined;
  return market?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES;
}

export async function readLockState(db: DangolDb): Promise<LockState> {
  const marketId = (await getMeta<string>(db, 'marketId')) ?? null;
  const tutorId = (await getMeta<string>(db, 'tutorId')) ?? null;
  const flag = (await db.meta.get(LOCKED))?.value === true;
  const tutors = marketId ? (await listTutors(db, marketId)).filter((t) => t.active) : [];
  const current = tutors.find((t) => t.id === tutorId && !t.locked) ?? null;
  // With no tutors on the tablet yet (not synced, or a demo without people) there is nobody to sign in.
  const locked = tutors.length > 0 && (flag || current === null);
  return { locked, tutor: current, tutors, autoLockMinutes: await readAutoLockMinutes(db) };
}

export function useLockState(): LockState | undefined {
  return useLiveQuery(() => readLockState(getDb()), []);
}

/** On app start: lock when the tablet was last used longer ago than the auto-lock time. */
export async function lockIfStale(db: DangolDb, now = Date.now()): Promise<boolean> {
  const last = (await db.meta.get(LAST_ACTIVE))?.value;
  if (typeof last !== 'number') return false;
  const minutes = await readAutoLockMinutes(db);
  if (now - last < minutes * 60_000) return false;
  await lockTablet(db);
  return true;
}
