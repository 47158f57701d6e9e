// Table types for kysely: the server's database, identical on SQLite and PostgreSQL.
// JSON is stored as text and timestamps as ISO-8601 UTC text on both engines: the server never queries
// inside a record's JSON (records are merged in TypeScript by the shared domain rules), text round-trips
// exactly on both drivers (pg would parse jsonb and timestamptz into other types than better-sqlite3 does),
// and ISO strings sort correctly as text, so one code path serves both engines.
export interface RecordsTable {
  market_id: string;
  entity: string;
  id: string;
  data: string;
  clocks: string;
  seq: number;
  /** 0 or 1: SQLite has no boolean type. */
  deleted: number;
  updated_at: string;
}

export interface MarketSeqTable {
  market_id: string;
  seq: number;
}

/** Rejected changes with their answer (and changes applied before migration 0002; since 0003 see applied_ids). */
export interface AppliedChangesTable {
  change_id: string;
  market_id: string;
  device_id: string | null;
  status: string;
  result: string;
  applied_at: string;
}

export interface DevicesTable {
  id: string;
  market_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
}

export interface EnrollmentCodesTable {
  code_hash: string;
  market_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  device_id: string | null;
}

/**
 * One row per applied change (since migration 0003): what answers a retry of it (SYNC.md 4), written in the
 * same transaction as the change. `seq` is the seq the change gave its record: its audit entry is in the
 * audit_batches row of that market whose seqs span it.
 */
export interface AppliedIdsTable {
  change_id: string;
  market_id: string;
  seq: number;
  /** The conflict copy this change made (a retry is answered with it); null when none. */
  conflict_copy_id: string | null;
}

/**
 * The audit trail, one row per applied batch of one device (a push, or records the server wrote itself): who
 * changed which fields of which record, when (since migration 0003; before, one `audit` row per change).
 * `changes` is a JSON array of AUDIT_ENTRY arrays (see audit-trail.ts): the NAMES of the fields a change set,
 * never their values (no personal data in the audit trail).
 */
export interface AuditBatchesTable {
  market_id: string;
  first_seq: number;
  last_seq: number;
  device_id: string | null;
  received_at: string;
  changes: string;
}

export interface DatabaseSchema {
  records: RecordsTable;
  market_seq: MarketSeqTable;
  applied_changes: AppliedChangesTable;
  devices: DevicesTable;
  enrollment_codes: EnrollmentCodesTable;
  applied_ids: AppliedIdsTable;
  audit_batches: AuditBatchesTable;
}
