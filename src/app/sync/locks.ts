// One tab syncs at a time (SYNC.md 8): the Web Locks API with ifAvailable, so a tab that finds the lock
// taken simply skips this run (the holder's results reach it through Dexie live queries).
import type { LockLike } from './types';

export const SYNC_LOCK = 'dangol-sync';

export type Locked<T> = { ran: true; value: T } | { ran: false };

/** Run `fn` holding the sync lock, or not at all if another tab holds it. Without Web Locks, just run. */
export async function withSyncLock<T>(locks: LockLike | null, fn: () => Promise<T>): Promise<Locked<T>> {
  if (!locks) return { ran: true, value: await fn() };
  return locks.request(SYNC_LOCK, { ifAvailable: true }, async (lock): Promise<Locked<T>> => {
    if (!lock) return { ran: false };
    return { ran: true, value: await fn() };
  });
}

/** The browser's lock manager, when there is one. */
export function browserLocks(): LockLike | null {
  const nav = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockLike });
  return nav?.locks ?? null;
}
