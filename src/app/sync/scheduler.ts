// When the next automatic sync runs (SYNC.md 7): one timer at a time, re-armed after every run: soon while
// work is pending, slowly when idle, after the backoff delay when failing. Runs are serialised and coalesced.
import type { Timers } from './types';

/** While changes wait in the outbox. */
export const WORK_INTERVAL_MS = 5_000;
/** When there is nothing to send: still pull now and then. */
export const IDLE_INTERVAL_MS = 60_000;
/** Shortly after a new local change, so edits go up in small bursts rather than one request each. */
export const NEW_WORK_DELAY_MS = 1_000;

export interface Scheduler {
  /** Arm the timer `ms` from now, replacing any timer. */
  after(ms: number): void;
  /** Arm the timer `ms` from now unless one is already due sooner. */
  noLaterThan(ms: number): void;
  cancel(): void;
  dueAt(): number | null;
  /** Run now, or once more right after the run in progress. Resolves when that run is over. */
  run(): Promise<void>;
}

export function createScheduler(timers: Timers, now: () => number, cycle: () => Promise<void>): Scheduler {
  let handle: unknown = null;
  let due: number | null = null;
  let current: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  const cancel = () => {
    if (handle !== null) timers.clear(handle);
    handle = null;
    due = null;
  };

  const run = (): Promise<void> => {
    if (!current) {
      cancel();
      current = cycle().finally(() => {
        current = null;
      });
      return current;
    }
    queued ??= current.then(() => {
      queued = null;
      return run();
    });
    return queued;
  };

  const after = (ms: number) => {
    cancel();
    due = now() + ms;
    handle = timers.set(() => {
      handle = null;
      due = null;
      void run();
    }, ms);
  };

  return {
    after,
    noLaterThan(ms) {
      if (due !== null && due <= now() + ms) return;
      after(ms);
    },
    cancel,
    dueAt: () => due,
    run,
  };
}
