// Persistent storage for this tablet: ask the browser not to evict our IndexedDB, and report usage / quota.
import { useCallback, useEffect, useState } from 'react';

function storageManager(): StorageManager | null {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

let requested: Promise<boolean> | null = null;

/** Ask once per page load for persistent storage (navigator.storage.persist()); true when granted. */
export function requestPersistence(): Promise<boolean> {
  requested ??= askPersist();
  return requested;
}

async function askPersist(): Promise<boolean> {
  const sm = storageManager();
  if (!sm) return false;
  try {
    if (typeof sm.persisted === 'function' && (await sm.persisted())) return true;
    if (typeof sm.persist !== 'function') return false;
    return await sm.persist();
  } catch {
    return false;
  }
}

export interface StorageStatus {
  /** null while unknown or when the browser has no Storage API. */
  persisted: boolean | null;
  /** Bytes used by this origin, null when unknown. */
  usage: number | null;
  /** Bytes the browser allows this origin, null when unknown. */
  quota: number | null;
  /** Ask again (e.g. from a Settings button); resolves to the new answer. */
  request(): Promise<boolean>;
}

async function readStatus(): Promise<Omit<StorageStatus, 'request'>> {
  const sm = storageManager();
  if (!sm) return { persisted: null, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([
    typeof sm.persisted === 'function' ? sm.persisted().catch(() => null) : Promise.resolve(null),
    typeof sm.estimate === 'function' ? sm.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/** Live storage status for the Settings screen. */
export function useStorageStatus(): StorageStatus {
  const [status, setStatus] = useState<Omit<StorageStatus, 'request'>>({
    persisted: null,
    usage: null,
    quota: null,
  });

  useEffect(() => {
    let alive = true;
    void readStatus().then((s) => {
      if (alive) setStatus(s);
    });
    return () => {
      alive = false;
    };
  }, []);

  const request = useCallback(async () => {
    requested = null;
    const granted = await requestPersistence();
    const s = await readStatus();
    setStatus({ ...s, persisted: s.persisted ?? granted });
    return granted;
  }, []);

  return { ...status, request };
}
