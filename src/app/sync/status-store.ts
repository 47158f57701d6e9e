// The engine's status as a tiny external store (for useSyncExternalStore): one object, replaced on change.
import type { SyncStatus } from './types';

export const INITIAL_STATUS: SyncStatus = {
  mode: 'unenrolled',
  syncing: false,
  pendingCount: 0,
  needsAttention: 0,
  conflicts: 0,
  lastSyncAt: null,
  lastError: null,
  retryAt: null,
};

export interface StatusStore {
  get(): SyncStatus;
  set(patch: Partial<SyncStatus>): void;
  subscribe(listener: () => void): () => void;
}

export function createStatusStore(initial: SyncStatus = INITIAL_STATUS): StatusStore {
  let status = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => status,
    set(patch) {
      const next = { ...status, ...patch };
      const changed = (Object.keys(patch) as (keyof SyncStatus)[]).some((k) => next[k] !== status[k]);
      if (!changed) return;
      status = next;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
