// React access to the engine's status; the counts in it follow Dexie live queries, so every tab sees the
// result of the tab that holds the sync lock.
import { useSyncExternalStore } from 'react';
import type { SyncEngine } from './engine';
import type { SyncStatus } from './types';

export function useEngineStatus(engine: SyncEngine): SyncStatus {
  return useSyncExternalStore(engine.subscribe, engine.getStatus, engine.getStatus);
}
