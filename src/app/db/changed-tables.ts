// Which tables a Dexie `storagemutated` event names: its keys look like "idb://dangol/visits/" (database, table, and
// for some the changed keys after them). For the in-memory reads that are dropped or read again on a change.

export interface ChangedTable {
  /** The database's name. */
  db: string;
  table: string;
}

/** The database/table pairs of a `storagemutated` event's parts (one per key; a table may come more than once). */
export function changedTables(parts: Record<string, unknown>): ChangedTable[] {
  const out: ChangedTable[] = [];
  for (const key of Object.keys(parts)) {
    const [, , db, table] = key.split('/');
    if (db && table) out.push({ db, table });
  }
  return out;
}
