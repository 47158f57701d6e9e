// A full dump of what a push can change (records, applied_changes, applied_ids, audit_batches), to prove hostile input left
// the database exactly as it was.
import type { Storage } from '../../src/server/storage/storage';

export interface Dump {
  records: string[];
  applied: string[];
  appliedIds: string[];
  audit: string[];
}

const canon = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();

export async function dumpDb(storage: Storage): Promise<Dump> {
  return {
    records: canon(await storage.dumpTable('records')),
    applied: canon(await storage.dumpTable('applied_changes')),
    appliedIds: canon(await storage.dumpTable('applied_ids')),
    audit: canon(await storage.dumpTable('audit_batches')),
  };
}
