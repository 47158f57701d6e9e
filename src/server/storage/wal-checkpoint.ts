// SQLite's WAL is folded back into the database file when the server is idle, not inside a commit. With the
// default auto-checkpoint (1,000 pages) nearly every 500-change push paid a checkpoint and its fsync in its
// COMMIT (bench: ~30 ms of each push, ~600 of ~1,300 ms of server time in a 10,000-change drain). The
// auto-checkpoint stays as a safety net at a larger size, so a server that is never idle keeps a bounded WAL.
import type Database from 'better-sqlite3';

/** Pages (4 KiB) the WAL may reach before a commit checkpoints it anyway: 64 MiB. */
export const WAL_SAFETY_PAGES = 16_384;
const IDLE_MS = 1_000;
const AT_LEAST_EVERY_MS = 10_000;

export interface Checkpointer {
  /** A write transaction committed. */
  written(): void;
  stop(): void;
}

export function idleCheckpointer(database: Database.Database): Checkpointer {
  database.pragma(`wal_autocheckpoint = ${WAL_SAFETY_PAGES}`);
  let lastWrite = 0;
  let lastCheckpoint = Date.now();
  let dirty = false;
  const timer = setInterval(() => {
    const now = Date.now();
    if (!dirty || database.inTransaction || !database.open) return;
    if (now - lastWrite < IDLE_MS && now - lastCheckpoint < AT_LEAST_EVERY_MS) return;
    try {
      database.pragma('wal_checkpoint(PASSIVE)');
      dirty = false;
      lastCheckpoint = now;
    } catch (err) {
      // Busy (another process reading or writing): the next tick or the auto-checkpoint tries again.
      console.error('SQLite checkpoint failed:', err instanceof Error ? err.message : String(err));
    }
  }, IDLE_MS / 2);
  timer.unref();
  return {
    written() {
      lastWrite = Date.now();
      dirty = true;
    },
    stop: () => clearInterval(timer),
  };
}
