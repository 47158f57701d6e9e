// What a tutor sees and decides about sync: counts for the status pill, the "needs attention" list (retry,
// keep my change, undo my change) and the note conflict copies to review. Reads feed live queries.
import { timeOrderedUuid } from '../../../domain';
import { TABLE_OF, type DangolDb, type Local } from '../database';
import { getMeta } from '../meta';
import type { NeedsAttentionEntry } from './sync-repo';

export interface SyncCounts {
  pending: number;
  needsAttention: number;
  conflicts: number;
  lastSyncAt: string | null;
  enrolled: boolean;
  demo: boolean;
}

function conflictCopies(db: DangolDb) {
  // null is not an IndexedDB key, so only notes with conflictOf set are in this range.
  return db.notes
    .where('conflictOf')
    .above('')
    .filter((n) => n.deleted !== true);
}

export async function readSyncCounts(db: DangolDb): Promise<SyncCounts> {
  const [pending, needsAttention, conflicts, lastSyncAt, enrolled, demo] = await Promise.all([
    db.outbox.count(),
    db.rejected.count(),
    conflictCopies(db).count(),
    getMeta<string>(db, 'lastSyncAt'),
    getMeta<boolean>(db, 'enrolled'),
    getMeta<boolean>(db, 'demo'),
  ]);
  return {
    pending,
    needsAttention,
    conflicts,
    lastSyncAt: lastSyncAt ?? null,
    enrolled: enrolled === true,
    demo: demo === true,
  };
}

export function listNeedsAttention(db: DangolDb): Promise<NeedsAttentionEntry[]> {
  return db.rejected.orderBy('seq').toArray();
}

export interface ConflictPair {
  original: Local<'note'> | undefined;
  copy: Local<'note'>;
}

/** Every conflict copy with the note it was split from (undefined if that note is gone). */
export async function listConflicts(db: DangolDb): Promise<ConflictPair[]> {
  const copies = await conflictCopies(db).toArray();
  const originals = await db.notes.bulkGet(copies.map((c) => c.conflictOf ?? ''));
  return copies.map((copy, i) => ({ copy, original: originals[i] }));
}

/** Put a rejected change back at the end of the queue under a new id, so the server judges it afresh. */
export async function requeueRejected(db: DangolDb, seq: number): Promise<boolean> {
  return db.transaction('rw', db.outbox, db.rejected, async () => {
    const entry = await db.rejected.get(seq);
    if (!entry) return false;
    const changeId = timeOrderedUuid();
    await db.outbox.add({
      changeId,
      entity: entry.entity,
      recordId: entry.recordId,
      change: { ...entry.change, changeId },
      prev: entry.prev,
      attempts: 0,
      lastError: null,
    });
    await db.rejected.delete(seq);
    return true;
  });
}

/**
 * Remove a rejected change from "needs attention". With rollback, its local effect is undone from
 * `entry.prev`: fields changed since (locally or by a pull) are left alone, restored fields lose their
 * clock so the server's value wins on the next pull, and a record this change created is removed.
 */
export async function dropRejected(db: DangolDb, seq: number, rollback: boolean): Promise<boolean> {
  const tables = Object.values(TABLE_OF).map((t) => db.table(t));
  return db.transaction('rw', [...tables, db.outbox, db.rejected], async () => {
    const entry = await db.rejected.get(seq);
    if (!entry) return false;
    if (rollback) {
      const table = db.table(TABLE_OF[entry.entity]);
      const row = (await table.get(entry.recordId)) as Record<string, unknown> | undefined;
      const clocks = { ...((row?._clocks as Record<string, string> | undefined) ?? {}) };
      // A field still holds this change's value only while it carries this change's clock.
      const ours = (k: string) => clocks[k] === entry.change.clock;
      const created = Object.values(entry.prev).every((v) => v === undefined);
      if (row && created && Object.keys(clocks).every(ours)) {
        await table.delete(entry.recordId);
      } else if (row) {
        const next: Record<string, unknown> = { ...row };
        for (const [k, v] of Object.entries(entry.prev)) {
          if (!ours(k)) continue;
          if (v === undefined) delete next[k];
          else next[k] = v;
          delete clocks[k];
        }
        await table.put({ ...next, _clocks: clocks });
      }
    }
    await db.rejected.delete(seq);
    return true;
  });
}
