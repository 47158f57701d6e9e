// Who holds the shared tablet right now, and whether it is locked: local state in meta, read live by the
// lock overlay. The tablet is locked when asked to, when nobody valid is signed in, or after idle time.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Tutor } from '../../../domain';
import { getDb, type DangolDb } from '../database';
import { getMeta, setMeta } from '../meta';
import { startSnapshot } from '../start-snapshot';
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
  // Two round trips, not six one after the other: the lock gate waits for this before showing any screen (4a).
  const [market, tutor, flag] = await db.meta.bulkGet(['marketId', 'tutorId', LOCKED]);
  const marketId = (market?.value as string | undefined) ?? null;
  const tutorId = (tutor?.value as string | undefined) ?? null;
  const [all, marketRow] = marketId
    ? await Promise.all([listTutors(db, marketId), db.markets.get(marketId)])
    : [[], undefined];
  const tutors = all.filter((t) => t.active);
  const current = tutors.find((t) => t.id === tutorId && !t.locked) ?? null;
  // With no tutors on the tablet yet (not synced, or a demo without people) there is nobody to sign in.
  const locked = tutors.length > 0 && (flag?.value === true || current === null);
  const autoLockMinutes = marketRow?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES;
  return { locked, tutor: current, tutors, autoLockMinutes };
}

/** Live lock state; undefined while loading (on the first render after start: the state read before it). */
export function useLockState(): LockState | undefined {
  return useLiveQuery(() => readLockState(getDb()), [], startSnapshot(getDb())?.lock);
}

/** On app start: lock when the tablet was last used longer ago than the auto-lock time. */
export async function lockIfStale(db: DangolDb, now = Date.now()): Promise<boolean> {
  const [last, market] = await db.meta.bulkGet([LAST_ACTIVE, 'marketId']);
  if (typeof last?.value !== 'number') return false;
  const marketId = market?.value as string | undefined;
  const minutes = (marketId ? await db.markets.get(marketId) : undefined)?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES;
  if (now - last.value < minutes * 60_000) return false;
  await lockTablet(db);
  return true;
}
