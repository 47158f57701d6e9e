// The sync engine: one cycle = push the outbox, then pull (SYNC.md 3, 9), under the Web Lock, classified
// into explicit modes; the scheduler re-runs it on start, online, foreground, timers and "sync now".
import { liveQuery } from 'dexie';
import { readSyncCounts, type SyncCounts } from '../db/repos/sync-attention-repo';
import { dropRejected, requeueRejected } from '../db/repos/sync-attention-repo';
import { readCredentials, setLastSyncAt } from '../db/repos/sync-repo';
import { isQuotaError } from '../db/errors';
import { retryDelay } from './backoff';
import { enrollDevice, type EnrollInput, type EnrollResult } from './enroll';
import { withSyncLock } from './locks';
import { drainOutbox } from './push';
import { pullAll, startPull, type StartedPull } from './pull';
import { createScheduler, IDLE_INTERVAL_MS, NEW_WORK_DELAY_MS, WORK_INTERVAL_MS } from './scheduler';
import { createStatusStore, INITIAL_STATUS } from './status-store';
import type { SyncDeps, SyncError, SyncMode, SyncStatus } from './types';

export interface SyncEngine {
  start(): void;
  stop(): void;
  /** Push then pull now (also when paused or backing off). Resolves with the status after the run. */
  syncNow(): Promise<SyncStatus>;
  pause(): void;
  resume(): void;
  enroll(input: EnrollInput): Promise<EnrollResult>;
  retryRejected(seq: number): Promise<void>;
  discardRejected(seq: number, opts: { rollback: boolean }): Promise<void>;
  getStatus(): SyncStatus;
  subscribe(listener: () => void): () => void;
}

type Failure = { error: SyncError; retryable: boolean; retryAfterMs: number | null };

const MODE_OF: Record<SyncError['kind'], SyncMode> = {
  network: 'offline',
  server: 'error',
  storage_full: 'error',
  rate_limited: 'error',
  forbidden: 'error',
  bad_response: 'error',
  bad_request: 'error',
  revoked: 'revoked',
  unauthorized: 'reauth',
};

export function createSyncEngine(deps: SyncDeps): SyncEngine {
  const { db, now } = deps;
  let started = false;
  let paused = false;
  let authStopped = false;
  /** An enrolled tablet's mode while nothing has failed. */
  const liveMode = (): SyncMode => (paused ? 'paused' : deps.online.isOnline() ? 'online' : 'offline');
  const store = createStatusStore(deps.enrolledAtStart ? { ...INITIAL_STATUS, mode: liveMode() } : INITIAL_STATUS);
  let failures = 0;
  let lastPending = 0;
  let unsubscribers: (() => void)[] = [];

  const applyCounts = (c: SyncCounts) => {
    const patch: Partial<SyncStatus> = {
      pendingCount: c.pending,
      needsAttention: c.needsAttention,
      conflicts: c.conflicts,
      lastSyncAt: c.lastSyncAt,
    };
    const mode = store.get().mode;
    if (!c.enrolled || c.demo) patch.mode = 'unenrolled';
    else if (mode === 'unenrolled') patch.mode = liveMode();
    store.set(patch);
    const grew = c.pending > lastPending;
    lastPending = c.pending;
    if (grew && started && !paused && !authStopped && failures === 0) scheduler.noLaterThan(NEW_WORK_DELAY_MS);
  };

  const refreshCounts = async () => applyCounts(await readSyncCounts(db));

  const rearm = (failure: Failure | null) => {
    if (!started || paused || authStopped) {
      scheduler.cancel();
      store.set({ retryAt: null });
      return;
    }
    if (failure) {
      const delay = retryDelay(failures - 1, deps.random, failure.retryAfterMs);
      scheduler.after(delay);
      store.set({ retryAt: now() + delay });
      return;
    }
    store.set({ retryAt: null });
    scheduler.after(store.get().pendingCount > 0 ? WORK_INTERVAL_MS : IDLE_INTERVAL_MS);
  };

  const cycle = async (): Promise<void> => {
    let failure: Failure | null = null;
    try {
      const creds = await readCredentials(db);
      if (!creds) {
        store.set({ mode: 'unenrolled', lastError: null });
        return;
      }
      if (!deps.online.isOnline()) {
        store.set({ mode: 'offline' });
        return;
      }
      store.set({ syncing: true, retryAt: null });
      authStopped = false; // only an explicit run gets here after a 401: try once more
      const ctx = { deps, serverUrl: creds.serverUrl, token: creds.token };
      const locked = await withSyncLock(deps.locks, async () => {
        // The pull's first request leaves as soon as the server has answered every change; its answer is applied
        // after the push's last answers (pullAll runs after drainOutbox returns), so a change still in the outbox
        // is never overwritten by the pull (read-your-writes).
        let started: Promise<StartedPull | undefined> | undefined;
        const onDrained = () => {
          started = startPull(ctx);
        };
        const pushed = await drainOutbox({ ...ctx, onDrained });
        if (!pushed.ok) return pushed;
        return pullAll(ctx, started);
      });
      if (!locked.ran) return; // another tab is syncing; its results reach us through live queries
      const outcome = locked.value;
      if (outcome.ok) {
        failures = 0;
        await setLastSyncAt(db, new Date(now()).toISOString());
        // The connection may have dropped while this cycle's last request was answered: say what is true now.
        const mode = paused ? 'paused' : deps.online.isOnline() ? 'online' : 'offline';
        store.set({ mode, lastError: null });
      } else {
        failure = outcome;
        failures += 1;
        const mode = MODE_OF[outcome.error.kind];
        if (mode === 'revoked' || mode === 'reauth') authStopped = true;
        store.set({ mode: paused && !authStopped ? 'paused' : mode, lastError: outcome.error });
      }
    } catch (err) {
      failures += 1;
      // A full disk while storing pulled records is the tablet's problem, not the server's: say it in plain words.
      const kind = isQuotaError(err) ? 'storage_full' : 'server';
      failure = { error: { kind, message: String(err) }, retryable: true, retryAfterMs: null };
      store.set({ mode: 'error', lastError: failure.error });
    } finally {
      store.set({ syncing: false });
      await refreshCounts().catch(() => undefined);
      rearm(failure);
    }
  };

  const scheduler = createScheduler(deps.timers, now, cycle);

  const onTrigger = (event: 'online' | 'offline' | 'visible') => {
    if (event === 'offline') {
      if (store.get().mode !== 'unenrolled' && !authStopped) store.set({ mode: paused ? 'paused' : 'offline' });
      return;
    }
    if (paused || authStopped) return;
    const rateLimited = store.get().lastError?.kind === 'rate_limited' && (store.get().retryAt ?? 0) > now();
    if (event === 'online') failures = 0;
    if (!rateLimited) void scheduler.run();
  };

  return {
    start() {
      if (started) return;
      started = true;
      unsubscribers.push(deps.online.subscribe(onTrigger));
      const sub = liveQuery(() => readSyncCounts(db)).subscribe({ next: applyCounts, error: () => undefined });
      unsubscribers.push(() => sub.unsubscribe());
      void scheduler.run();
    },
    stop() {
      started = false;
      for (const u of unsubscribers) u();
      unsubscribers = [];
      scheduler.cancel();
    },
    async syncNow() {
      await scheduler.run();
      return store.get();
    },
    pause() {
      paused = true;
      scheduler.cancel();
      store.set({ retryAt: null, ...(store.get().mode === 'unenrolled' || authStopped ? {} : { mode: 'paused' }) });
    },
    resume() {
      if (!paused) return;
      paused = false;
      if (store.get().mode === 'paused') store.set({ mode: deps.online.isOnline() ? 'online' : 'offline' });
      failures = 0;
      void scheduler.run();
    },
    async enroll(input) {
      const result = await enrollDevice(deps, input);
      authStopped = false;
      failures = 0;
      store.set({ mode: 'online', lastError: null });
      await scheduler.run();
      return result;
    },
    async retryRejected(seq) {
      await requeueRejected(db, seq);
      await refreshCounts();
      if (started && !paused && !authStopped) scheduler.noLaterThan(0);
    },
    async discardRejected(seq, { rollback }) {
      await dropRejected(db, seq, rollback);
      await refreshCounts();
    },
    getStatus: () => store.get(),
    subscribe: (listener) => store.subscribe(listener),
  };
}
