// The ONE storage interface the server talks to. One kysely implementation serves SQLite and PostgreSQL
// (kysely-storage.ts); the sync, admin and HTTP code never see which engine is underneath.
import type { EntityName } from '../../domain';
import type { DatabaseSchema } from './schema';

export type Dialect = 'sqlite' | 'postgres';

/** A write hit a record (entity + id) that belongs to another market: the transaction is rolled back. */
export class ForeignRecordError extends Error {
  constructor(entity: string, id: string) {
    super(`Record ${entity}/${id} belongs to another market`);
    this.name = 'ForeignRecordError';
  }
}

export interface StoredRecord {
  entity: EntityName;
  id: string;
  marketId: string;
  data: Record<string, unknown>;
  clocks: Record<string, string>;
  seq: number;
  deleted: boolean;
}

export interface RecordKey {
  entity: EntityName;
  id: string;
}

export interface RecordWrite {
  entity: EntityName;
  id: string;
  data: Record<string, unknown>;
  clocks: Record<string, string>;
}

export interface AppliedChangeRow {
  changeId: string;
  marketId: string;
  deviceId: string | null;
  status: 'applied' | 'rejected';
  result: Record<string, unknown>;
}

export interface AuditRow {
  changeId: string;
  seq: number;
  deviceId: string | null;
  tutorId: string | null;
  entity: EntityName;
  recordId: string;
  op: 'put' | 'delete';
  fields: string[];
  at: string;
  /** The conflict copy the change made, if any. */
  conflictCopyId?: string | undefined;
}

/** An applied change as the audit trail keeps it. */
export interface AuditEntry extends AuditRow {
  receivedAt: string;
}

export interface Device {
  id: string;
  marketId: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
}

export interface PullPage {
  records: StoredRecord[];
  cursor: number;
  hasMore: boolean;
}

export type RedeemResult = { ok: true; marketId: string } | { ok: false; reason: 'unknown' | 'expired' | 'used' };

/** What a market transaction reads, all at once, before it decides anything. */
export interface Prefetch {
  records?: readonly RecordKey[];
  changeIds?: readonly string[];
  /** Entities of which every record of this market is read (the consents, for the personal-data rule). */
  lists?: readonly EntityName[];
}

/**
 * Operations inside one market's write transaction; the market's sequence is locked until it ends. Everything
 * it reads is read first, by prefetch (one query per table and chunk); then it decides in memory, synchronously:
 * a push of 2,000 changes has no round trip to the database (and no `await`) per change. Writes are buffered and
 * seen by later reads of the same transaction; they reach the database together when the transaction ends (a
 * foreign record found then still rolls everything back).
 */
export interface MarketTx {
  readonly marketId: string;
  /** Read these records, answers and lists; the only reads of a transaction (it may be called more than once). */
  prefetch(keys: Prefetch): Promise<void>;
  /** A record as this transaction sees it, undefined when there is none. Throws when it was not prefetched. */
  record(entity: EntityName, id: string): StoredRecord | undefined;
  /** Every record of this market of `entity`, this transaction's writes included. Throws unless listed by prefetch. */
  list(entity: EntityName): StoredRecord[];
  /** How a change was answered, if it was: applied (applied_ids) or rejected. Throws unless prefetched. */
  answer(changeId: string): AppliedChangeRow | undefined;
  /** Insert or replace a record of this market under the next sequence number; returns that seq. */
  putRecord(record: RecordWrite): number;
  /** Record a refused change with its answer (the same answer on retry). */
  insertRejection(row: Omit<AppliedChangeRow, 'status'>): void;
  /** Record an applied change: what answers a retry of it (applied_ids) and its audit-trail entry. */
  insertAudit(row: AuditRow): void;
  currentSeq(): number;
}

/** Points where tests may inject a failure (SYNC.md 5: a batch is all or nothing). */
export interface StorageHooks {
  /** Called inside the push transaction before each change's record is written; a throw rolls the batch back. */
  beforeRecordWrite?: (entity: EntityName, id: string) => void;
}

export interface Storage {
  readonly dialect: Dialect;
  readonly hooks: StorageHooks;
  /** Run pending migrations; returns the names that ran now (empty when already current). */
  migrate(): Promise<string[]>;
  close(): Promise<void>;

  /** Make sure a market has its sequence row (idempotent). */
  initMarket(marketId: string): Promise<void>;
  /** Run fn in ONE transaction holding the market's write lock; a throw rolls everything back. */
  inMarketTx<T>(marketId: string, fn: (tx: MarketTx) => T | Promise<T>): Promise<T>;
  getRecord(entity: EntityName, id: string): Promise<StoredRecord | undefined>;
  listRecords(entity: EntityName, marketId?: string): Promise<StoredRecord[]>;
  pull(marketId: string, since: number, limit: number): Promise<PullPage>;

  saveEnrollmentCode(codeHash: string, marketId: string, createdAt: string, expiresAt: string): Promise<void>;
  /** Use a code once and create the device, atomically. */
  redeemEnrollmentCode(
    codeHash: string,
    now: string,
    device: { id: string; name: string; tokenHash: string },
  ): Promise<RedeemResult>;
  findDeviceByTokenHash(tokenHash: string): Promise<Device | undefined>;
  touchDevice(deviceId: string, at: string): Promise<void>;
  listDevices(marketId: string): Promise<Device[]>;
  /** Returns false when no such device exists. */
  revokeDevice(deviceId: string, at: string): Promise<boolean>;
  /** Changes applied in a market (or whether this one was: 0 or 1). */
  countAudit(marketId: string, changeId?: string): Promise<number>;
  /** The market's audit trail: who changed which fields of which record, when, in seq order. */
  auditTrail(marketId: string): Promise<AuditEntry[]>;
  /** Every row of a table, as stored: for diagnostics and tests (e.g. proving only token hashes are kept). */
  dumpTable(table: keyof DatabaseSchema): Promise<Record<string, unknown>[]>;
}
