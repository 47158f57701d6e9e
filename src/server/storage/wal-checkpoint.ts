// SQLite's WAL is folded back into the database file when the server is idle, not inside a commit. With the
// default auto-checkpoint (1,000 pages) nearly every 500-change push paid a checkpoint and its fsync in its
// COMMIT (bench: ~30 ms of each push, ~600 of ~1,300 ms of server time in a 10,000-change drain). The
// auto-checkpoint stays as a safety net at a larger size, so a server that is never idle keeps a bounded WAL.
//
// A checkpoint runs on the event loop (90-400 ms after a drain's worth of writes), so it waits for a pause:
// 1 s without a write, or, once the WAL has gathered writes for 10 s, the first lull of 300 ms between write
// transactions (the pushes of one drain follow each other closer than that); only after 60 s of unbroken
// writes is it taken between any two transactions. Bench: the old "at least every 10 s" rule landed inside
// drains, between two pushes of the same tablet.
import type Database from 'better-sqlite3';

/** Pages (4 KiB) the WAL may reach before a commit checkpoints it anyway: 64 MiB. */
export const WAL_SAFETY_PAGES = 16_384;
const IDLE_MS = 1_000;
const LULL_MS = 300;
const AFTER_LULL_ONCE_DIRTY_MS = 10_000;
const AT_LATEST_ONCE_DIRTY_MS = 60_000;
const TICK_MS = 100;

export interface Checkpointer {
  /** A write transaction is starting. */
  writing(): void;
  /** A write transaction committed. */
  written(): void;
  stop(): void;
}

/** Whether to checkpoint now, given how long the WAL has held writes and how long since the last write. */
export function checkpointDue(dirtyForMs: number, quietForMs: number): boolean {
  if (quietForMs >= IDLE_MS) return true;
  if (dirtyForMs >= AT_LATEST_ONCE_DIRTY_MS) return true;
  return dirtyForMs >= AFTER_LULL_ONCE_DIRTY_MS && quietForMs >= LULL_MS;
}

export function idleCheckpointer(database: Database.Database): Checkpointer {
  database.pragma(`wal_autocheckpoint = ${WAL_SAFETY_PAGES}`);
  let lastActivity = 0;
  /** When the first write since the last checkpoint committed; null when the WAL holds nothing new. */
  let dirtySince: number | null = null;
  const timer = setInterval(() => {
    if (dirtySince === null || database.inTransaction || !database.open) return;
    const now = Date.now();
    if (!checkpointDue(now - dirtySince, now - lastActivity)) return;
    try {
      database.pragma('wal_checkpoint(PASSIVE)');
      dirtySince = null;
    } catch (err) {
      // Busy (another process reading or writing): the next tick or the auto-checkpoint tries again.
      console.error('SQLite checkpoint failed:', err instanceof Error ? err.message : String(err));
    }
  }, TICK_MS);
  timer.unref();
  return {
    writing() {
      lastActivity = Date.now();
    },
    written() {
      lastActivity = Date.now();
      dirtySince ??= lastActivity;
    },
    stop: () => clearInterval(timer),
  };
}
