// Reads of the outbox used by screens and sync: pending count, pending fields of a record.
import type { DangolDb } from './database';

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
