// Reads the start snapshot (db/start-snapshot.ts) before the first render: the session, then Today's visits of
// its tutor, side by side with the lock state and the auto-lock's staleness check (the lock state is read again
// when that check has just locked the tablet, so a tablet left idle too long starts locked).
import type { DangolDb } from '../db/database';
import { listVisitsInRange } from '../db/repos/visits';
import { lockIfStale, readLockState } from '../db/repos/tablet-lock';
import { readSession } from '../db/session';
import type { StartSnapshot } from '../db/start-snapshot';
import { dayRange } from '../features/visits/time';
import { dayVisitsKey } from '../features/visits/use-visits';

async function sessionAndToday(db: DangolDb, now: Date): Promise<Pick<StartSnapshot, 'session' | 'today'>> {
  const session = await readSession();
  const { marketId, tutorId } = session;
  if (!marketId) return { session, today: null };
  const rows = await listVisitsInRange(db, { marketId, ...dayRange(now), tutorId });
  return { session, today: { key: dayVisitsKey(marketId, now, tutorId), rows } };
}

export async function readStart(db: DangolDb, now = new Date()): Promise<StartSnapshot> {
  const [locked, lock, rest] = await Promise.all([
    lockIfStale(db, now.getTime()),
    readLockState(db),
    sessionAndToday(db, now),
  ]);
  return { db, lock: locked ? await readLockState(db) : lock, ...rest };
}
