// The vocabulary of the sync engine: its modes, the status a tutor sees, and what it depends on
// (injected so tests can drive it with a fake fetch, clock, randomness, locks and network state).
import type { DangolDb } from '../db/database';

/** One explicit mode at a time (ARCHITECTURE.md 6); `syncing` is a separate flag. */
export type SyncMode =
  | 'unenrolled' // no device token yet, or the demo market is loaded: nothing is sent
  | 'online' // last exchange with the server went well
  | 'offline' // no network, or the server cannot be reached: retrying
  | 'paused' // the tutor paused sync
  | 'error' // the server answered with an error (5xx, 429, 403...): retrying with backoff
  | 'revoked' // this tablet was unenrolled by an administrator: stops
  | 'reauth'; // the token is no longer accepted for another reason: enroll again

export type SyncErrorKind =
  | 'network'
  | 'server'
  | 'storage_full'
  | 'rate_limited'
  | 'forbidden'
  | 'revoked'
  | 'unauthorized'
  | 'bad_response'
  | 'bad_request';

export interface SyncError {
  kind: SyncErrorKind;
  status?: number;
  /** The server's machine code (e.g. 'device_revoked'), when it gave one. */
  code?: string;
  /** The server's words, when it gave any. */
  message?: string;
  messageKo?: string;
}

export interface SyncStatus {
  mode: SyncMode;
  syncing: boolean;
  pendingCount: number;
  needsAttention: number;
  conflicts: number;
  lastSyncAt: string | null;
  lastError: SyncError | null;
  /** When the next automatic attempt is due (ms since epoch), while backing off. */
  retryAt: number | null;
}

/** The subset of the Web Locks API the engine uses. */
export interface LockLike {
  request<T>(name: string, options: { ifAvailable: true }, cb: (lock: unknown) => Promise<T>): Promise<T>;
}

/** Where the engine hears the network come and go and the app return to the foreground. */
export interface Triggers {
  isOnline(): boolean;
  /** Calls back with 'online' | 'offline' | 'visible'; returns an unsubscribe. */
  subscribe(cb: (event: 'online' | 'offline' | 'visible') => void): () => void;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SyncDeps {
  db: DangolDb;
  fetch: typeof fetch;
  now: () => number;
  random: () => number;
  locks: LockLike | null;
  online: Triggers;
  timers: Timers;
  /**
   * Whether the tablet was enrolled (and not in the demo) when the app started, from its start snapshot: the status
   * then says online or offline before the engine's first reads (it starts a frame after the first paint) instead
   * of "not enrolled".
   */
  enrolledAtStart?: boolean;
}
