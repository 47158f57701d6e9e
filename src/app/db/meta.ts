// Small key/value settings of this tablet (device id, clock, market, current tutor, sync cursor...).
import type { DangolDb } from './database';

export type MetaKey =
  | 'deviceId'
  | 'hlc'
  | 'marketId'
  | 'tutorId'
  | 'language'
  | 'serverUrl'
  | 'token'
  | 'cursor'
  | 'lastSyncAt'
  | 'enrolled'
  | 'demo'
  | 'offlineReadyShown'
  | 'outboxEpoch';

export async function getMeta<T>(db: DangolDb, key: MetaKey): Promise<T | undefined> {
  const row = await db.meta.get(key);
  return row?.value as T | undefined;
}

export async function setMeta(db: DangolDb, key: MetaKey, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

/** This tablet's stable id, made once. Used in clocks and change ids. */
export async function ensureDeviceId(db: DangolDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await getMeta<string>(db, 'deviceId');
    if (existing) return existing;
    const id = `d${crypto.randomUUID().replace(/-/g, '').slice(0, 15)}`;
    await setMeta(db, 'deviceId', id);
    return id;
  });
}
