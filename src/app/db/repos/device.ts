// The end of a deployment on this tablet: export the market's report and data, then wipe the tablet. Wiping
// is refused while changes are unsynced unless an export covered them (time + outbox high-water mark kept).
// A revoked tablet drops its market data (wipeMarketData), whatever is pending: the server refuses it anyway.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, type DangolDb } from '../database';
import { ValidationError } from '../errors';
import { getMeta } from '../meta';
import { exportBackup } from './backup';

const EXPORT_KEY = 'device.lastExport';

export interface ExportMark {
  at: string;
  /** Highest outbox seq the export contained (0 when the outbox was empty). */
  outboxSeq: number;
}

export interface WipeStatus {
  pending: number;
  lastExport: ExportMark | null;
  /** True when nothing unsynced would be lost: an empty outbox, or an export that covered all of it. */
  canWipe: boolean;
}

async function outboxHighWater(db: DangolDb): Promise<number> {
  const last = await db.outbox.orderBy('seq').last();
  return last?.seq ?? 0;
}

export async function readWipeStatus(db: DangolDb): Promise<WipeStatus> {
  const pending = await db.outbox.count();
  const lastExport = ((await db.meta.get(EXPORT_KEY))?.value as ExportMark | undefined) ?? null;
  const high = await outboxHighWater(db);
  return { pending, lastExport, canWipe: pending === 0 || (lastExport !== null && lastExport.outboxSeq >= high) };
}

export function useWipeStatus(): WipeStatus | undefined {
  return useLiveQuery(() => readWipeStatus(getDb()), []);
}

/**
 * The market's data (the settings' restorable backup: records, pending outbox, needs-attention; PIN material
 * left out) plus a small report for the program. Records the export time and the outbox high-water mark.
 */
export async function exportMarketData(db: DangolDb, now = new Date()) {
  const backup = await exportBackup(db, now);
  const { stalls, consents, outbox } = backup.tables;
  const live = stalls.filter((s) => !s.deleted);
  const mark: ExportMark = { at: backup.exportedAt, outboxSeq: outbox.at(-1)?.seq ?? 0 };
  await db.meta.put({ key: EXPORT_KEY, value: mark });
  return {
    ...backup,
    report: {
      stalls: live.length,
      channelsOpened: live.filter((s) => s.channelOpened).length,
      activeConsents: consents.filter((c) => !c.deleted && c.withdrawnAt === null).length,
      unsyncedChanges: outbox.length,
    },
  };
}

async function clearAll(db: DangolDb, keepLanguage: boolean): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    const language = keepLanguage ? await getMeta<string>(db, 'language') : undefined;
    for (const table of db.tables) await table.clear();
    if (language) await db.meta.put({ key: 'language', value: language });
  });
}

/** Wipe the tablet to a clean slate (every table, every setting). Refused while unsynced changes are unexported. */
export async function wipeTablet(db: DangolDb): Promise<void> {
  const status = await readWipeStatus(db);
  if (!status.canWipe) {
    throw new ValidationError(
      `${status.pending} changes are not synced yet: sync or export them first`,
      `아직 서버에 보내지 않은 변경이 ${status.pending}건 있습니다. 먼저 동기화하거나 내보내기를 하세요`,
    );
  }
  await clearAll(db, false);
}

/** The server revoked this tablet: it keeps no market data (only the display language). */
export async function wipeMarketData(db: DangolDb): Promise<void> {
  await clearAll(db, true);
}
