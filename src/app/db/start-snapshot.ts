// What the start screen shows first, read once before React renders (bench 4a, cold start to Today). Without it
// the session, the lock gate's state and Today's visits were read one after the other, each by the component
// that needed it once its parent had rendered: three IndexedDB round trips and three React commits in a row
// (a CDP profile at CPU 4×: ≈ 400 ms between the session read and Today's list). The live queries still run and
// take over; the snapshot is only their first value, for the components of the first render, and is dropped
// right after it (so nothing mounted later can show a value older than its own query).
import type { DangolDb } from './database';
import type { LockState } from './repos/tablet-lock';
import type { VisitRow } from './repos/visits';
import type { TabletSession } from './session';

export interface StartSnapshot {
  db: DangolDb;
  session: TabletSession;
  /** Read after the auto-lock's staleness check, so a tablet left idle too long starts locked. */
  lock: LockState;
  /** Today's visits of the signed-in tutor (the Today screen's first query), keyed by that query. */
  today: { key: string; rows: VisitRow[] } | null;
}

let snapshot: StartSnapshot | null = null;

export function setStartSnapshot(value: StartSnapshot | null): void {
  snapshot = value;
}

/** The snapshot while the first render mounts; null before the app starts, afterwards, or for another database. */
export function startSnapshot(db: DangolDb): StartSnapshot | null {
  return snapshot !== null && snapshot.db === db ? snapshot : null;
}
