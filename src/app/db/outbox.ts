// Reads of the outbox used by screens and sync: pending count, pending fields of a record; and its epoch.
import type { DangolDb } from './database';
import { getMeta, setMeta } from './meta';

/**
 * The outbox's epoch: changed by every write that may put entries at seqs used before (a restored backup puts
 * its own entries at the seqs they had when it was made). Anything else only adds entries at new, higher seqs
 * (Dexie's ++seq never reuses a key) or removes them. So while the epoch is unchanged, an entry still found at
 * a seq is the very entry that was read there, which lets a push response be applied without re-reading the
 * entries it answers.
 */
export async function readOutboxEpoch(db: DangolDb): Promise<number> {
  return (await getMeta<number>(db, 'outboxEpoch')) ?? 0;
}

/** Call inside the transaction that replaces outbox entries (the caller's transaction must include `meta`). */
export async function bumpOutboxEpoch(db: DangolDb): Promise<void> {
  await setMeta(db, 'outboxEpoch', (await readOutboxEpoch(db)) + 1);
}

export function countPending(db: DangolDb): Promise<number> {
  return db.outbox.count();
}

/** Fields of a record with changes still queued: pulls must not revert them (SYNC.md 10). */
export async function pendingFields(db: DangolDb, entity: string, recordId: string): Promise<Set<string>> {
  const entries = await db.outbox.where('[entity+recordId]').equals([entity, recordId]).toArray();
  const fields = new Set<string>();
  for (const e of entries) {
    for (const k of Object.keys(e.change.fields)) fields.add(k);
    if (e.change.op === 'delete') fields.add('deleted');
  }
  return fields;
}
