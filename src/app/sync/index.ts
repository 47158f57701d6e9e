// The ONE door from the UI to sync (lint-enforced): the engine, its status hook, the needs-attention and
// conflict reads, and a factory for tests. Everything else in src/app/sync is private to it.
import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, type DangolDb } from '../db/database';
import { startSnapshot } from '../db/start-snapshot';
import { listConflicts, listNeedsAttention } from '../db/repos/sync-attention-repo';
import { readDemoState } from '../db/repos/sync-repo';
import { createSyncEngine as createEngine, type SyncEngine } from './engine';
import { browserLocks } from './locks';
import { browserTriggers, realTimers } from './triggers';
import { useEngineStatus } from './use-sync-status';
import type { SyncDeps, SyncStatus } from './types';

export type { SyncEngine } from './engine';
export type { SyncDeps, SyncError, SyncErrorKind, SyncMode, SyncStatus, LockLike, Triggers, Timers } from './types';
export type { ConflictPair } from '../db/repos/sync-attention-repo';
export type { NeedsAttentionEntry } from '../db/repos/sync-repo';
export { EnrollError, type EnrollErrorKind, type EnrollInput, type EnrollResult } from './enroll';

/** Build an engine; anything not given comes from the browser (fetch, Date.now, Math.random, Web Locks). */
export function createSyncEngine(deps: Partial<SyncDeps> & Pick<SyncDeps, 'db'>): SyncEngine {
  return createEngine({
    fetch: deps.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    now: deps.now ?? Date.now,
    random: deps.random ?? Math.random,
    locks: deps.locks === undefined ? browserLocks() : deps.locks,
    online: deps.online ?? browserTriggers(),
    timers: deps.timers ?? realTimers,
    db: deps.db,
    ...(deps.enrolledAtStart !== undefined ? { enrolledAtStart: deps.enrolledAtStart } : {}),
  });
}

/**
 * From the start snapshot (read before the first render), whether the tablet is enrolled and not in the demo, so
 * its pill says online or offline at once instead of "not enrolled" for the second before its engine starts.
 * Without a snapshot (tests, a later engine) the engine's own first reads decide.
 */
function enrolledAtStart(db: DangolDb): boolean {
  const session = startSnapshot(db)?.session;
  return session !== undefined && session.enrolled && !session.demo;
}

let engine: SyncEngine | null = null;
let engineDb: DangolDb | null = null;

/** The app's engine, made on first use on the app's database (remade if that database was swapped). */
export function getSyncEngine(): SyncEngine {
  const db = getDb();
  if (!engine || (engineDb !== null && engineDb !== db)) {
    engine?.stop();
    engine = createSyncEngine({ db, enrolledAtStart: enrolledAtStart(db) });
    engineDb = db;
  }
  return engine;
}

/** Tests install their own engine (kept whatever database is current); the previous one is stopped. */
export function setSyncEngine(next: SyncEngine): void {
  if (engine && engine !== next) engine.stop();
  engine = next;
  engineDb = null;
}

/** The status a tutor sees: mode, syncing, pending, last sync, errors, needs attention, conflicts. */
export function useSyncStatus(): SyncStatus {
  return useEngineStatus(getSyncEngine());
}

/**
 * Starts the app's engine just after the shell's first paint (idempotent): a frame, then idle time, so the
 * engine's first reads and cycle do not compete with the start screen's own reads (bench 4a). It still syncs
 * on every start, a frame later.
 */
export function useSyncAutoStart(): void {
  useEffect(() => {
    let cancelLater = () => {};
    const frame = requestAnimationFrame(() => {
      const start = () => getSyncEngine().start();
      if ('requestIdleCallback' in window) {
        const idle = window.requestIdleCallback(start, { timeout: 500 });
        cancelLater = () => window.cancelIdleCallback(idle);
      } else {
        const timer = setTimeout(start, 0);
        cancelLater = () => clearTimeout(timer);
      }
    });
    return () => {
      cancelAnimationFrame(frame);
      cancelLater();
    };
  }, []);
}

export function useNeedsAttention() {
  return useLiveQuery(() => listNeedsAttention(getDb()), []);
}

export function useConflicts() {
  return useLiveQuery(() => listConflicts(getDb()), []);
}

export function useDemoState() {
  return useLiveQuery(() => readDemoState(getDb()), []);
}
