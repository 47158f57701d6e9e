// One market's write transaction, shared by KyselyStorage for both engines. Everything it reads is read up
// front by prefetch (one IN (...) query per table for a whole push batch) and then served from memory,
// synchronously; writes are buffered in memory, seen by later reads of the same transaction, and land with a
// few multi-row statements in flush(), which inMarketTx runs before it commits. The market's seq is counted in
// memory and written once.
import type { EntityName } from '../../domain';
import { auditBatches } from './audit-trail';
import {
  type Db,
  type ReadRecord,
  insertAppliedChanges,
  insertAppliedIds,
  insertAuditBatches,
  selectAppliedChanges,
  selectAppliedIds,
  selectRecords,
  upsertRecords,
} from './batch-sql';
import type { AppliedChangesTable, AppliedIdsTable, DatabaseSchema, RecordsTable } from './schema';
import {
  ForeignRecordError,
  type AppliedChangeRow,
  type AuditRow,
  type Device,
  type Dialect,
  type MarketTx,
  type RecordKey,
  type StoredRecord,
} from './storage';

export type { Db };

export function toRecord(row: ReadRecord): StoredRecord {
  return {
    entity: row.entity as EntityName,
    id: row.id,
    marketId: row.market_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
    clocks: JSON.parse(row.clocks) as Record<string, string>,
    seq: Number(row.seq),
    deleted: Number(row.deleted) === 1,
  };
}

function toApplied(row: AppliedChangesTable): AppliedChangeRow {
  return {
    changeId: row.change_id,
    marketId: row.market_id,
    deviceId: row.device_id,
    status: row.status as AppliedChangeRow['status'],
    result: JSON.parse(row.result) as Record<string, unknown>,
  };
}

/** An applied change as applied_ids records it: the answer a retry gets (reported there as a duplicate). */
function fromAppliedId(row: Pick<AppliedIdsTable, 'change_id' | 'market_id' | 'conflict_copy_id'>): AppliedChangeRow {
  const result: Record<string, unknown> = { changeId: row.change_id, status: 'applied' };
  if (row.conflict_copy_id !== null) result.conflictCopyId = row.conflict_copy_id;
  return { changeId: row.change_id, marketId: row.market_id, deviceId: null, status: 'applied', result };
}

/** How these changes were answered: applied ones from applied_ids, rejected ones (and ones applied before 0002) from applied_changes. */
async function selectAnswers(db: Db, dialect: Dialect, changeIds: readonly string[]): Promise<AppliedChangeRow[]> {
  const answers = (await selectAppliedIds(db, dialect, changeIds)).map(fromAppliedId);
  for (const row of await selectAppliedChanges(db, dialect, changeIds)) answers.push(toApplied(row));
  return answers;
}

export function toDevice(row: DatabaseSchema['devices']): Device {
  return {
    id: row.id,
    marketId: row.market_id,
    name: row.name,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastSeenAt: row.last_seen_at,
  };
}

export async function getRecord(db: Db, entity: EntityName, id: string): Promise<StoredRecord | undefined> {
  const row = await db
    .selectFrom('records')
    .selectAll()
    .where('entity', '=', entity)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Known state of records by entity and id: a row (read or written here) or null (known to be absent). */
class RecordMap {
  private readonly byEntity = new Map<string, Map<string, StoredRecord | null>>();

  private of(entity: string): Map<string, StoredRecord | null> {
    let m = this.byEntity.get(entity);
    if (!m) this.byEntity.set(entity, (m = new Map()));
    return m;
  }

  get(entity: string, id: string): StoredRecord | null | undefined {
    return this.byEntity.get(entity)?.get(id);
  }

  set(entity: string, id: string, value: StoredRecord | null): void {
    this.of(entity).set(id, value);
  }

  /** Sets null (absent) unless known; true when it was not known. */
  claim(entity: string, id: string): boolean {
    const m = this.of(entity);
    if (m.has(id)) return false;
    m.set(id, null);
    return true;
  }

  /** Every known record of `entity`. */
  *all(entity: string): Iterable<StoredRecord> {
    for (const r of this.byEntity.get(entity)?.values() ?? []) if (r) yield r;
  }
}

/** The transaction object plus the flush that writes its buffered rows (called by inMarketTx only). */
export interface BufferedMarketTx extends MarketTx {
  flush(): Promise<void>;
}

/** `seq` is the market's sequence as read (and, on PostgreSQL, locked FOR UPDATE) at the transaction's start. */
export function marketTx(db: Db, dialect: Dialect, marketId: string, seq: number): BufferedMarketTx {
  const startSeq = seq;
  const records = new RecordMap();
  /**
   * Records written in this transaction, in write order (a rewrite keeps the first position, latest value);
   * serialized once each in flush(), so a record changed twice is not serialized twice.
   */
  const written: StoredRecord[] = [];
  const writtenAt = new Map<StoredRecord, number>();
  const applied = new Map<string, AppliedChangeRow | null>();
  /** Entities whose every record of this market is in `records` (read once by prefetch's `lists`). */
  const listed = new Set<EntityName>();
  const appliedRows: AppliedChangesTable[] = [];
  const appliedIds: AppliedIdsTable[] = [];
  const auditRows: AuditRow[] = [];
  // One server time for every row this transaction writes (it commits as one): formatting a Date per row
  // was three toISOString calls per change (bench: ≈ 30,000 per 10,000-change drain).
  const now = new Date().toISOString();

  const notRead = (what: string): never => {
    throw new Error(`${what} was not prefetched in this market transaction`);
  };

  return {
    marketId,
    async prefetch(keys) {
      const wantRecords: RecordKey[] = [];
      for (const k of keys.records ?? []) if (records.claim(k.entity, k.id)) wantRecords.push(k);
      const wantChanges: string[] = [];
      for (const id of keys.changeIds ?? []) {
        if (applied.has(id)) continue;
        applied.set(id, null);
        wantChanges.push(id);
      }
      for (const row of await selectRecords(db, dialect, wantRecords)) {
        records.set(row.entity, row.id, toRecord(row));
      }
      for (const row of await selectAnswers(db, dialect, wantChanges)) applied.set(row.changeId, row);
      for (const entity of keys.lists ?? []) {
        if (listed.has(entity)) continue;
        const rows = await db
          .selectFrom('records')
          .selectAll()
          .where('entity', '=', entity)
          .where('market_id', '=', marketId)
          .execute();
        // A record already known here may have been written by this transaction: keep that newer value.
        for (const row of rows) {
          if (!records.get(row.entity, row.id)) records.set(row.entity, row.id, toRecord(row));
        }
        listed.add(entity);
      }
    },
    record(entity, id) {
      const known = records.get(entity, id);
      if (known === undefined) return notRead(`Record ${entity}/${id}`);
      return known ?? undefined;
    },
    list(entity) {
      if (!listed.has(entity)) return notRead(`The list of ${entity} records`);
      const out: StoredRecord[] = [];
      for (const r of records.all(entity)) if (r.marketId === marketId) out.push(r);
      return out;
    },
    answer(changeId) {
      const known = applied.get(changeId);
      if (known === undefined) return notRead(`Change ${changeId}`);
      return known ?? undefined;
    },
    putRecord(record) {
      const known = records.get(record.entity, record.id);
      // Known to be another market's: refuse now (a record not read here is checked when it is written).
      if (known && known.marketId !== marketId) throw new ForeignRecordError(record.entity, record.id);
      seq += 1;
      const deleted = record.data.deleted === true;
      const stored: StoredRecord = {
        entity: record.entity,
        id: record.id,
        marketId,
        data: record.data,
        clocks: record.clocks,
        seq,
        deleted,
      };
      records.set(record.entity, record.id, stored);
      const at = known ? writtenAt.get(known) : undefined;
      if (at === undefined) {
        writtenAt.set(stored, written.push(stored) - 1);
      } else {
        written[at] = stored;
        writtenAt.delete(known!);
        writtenAt.set(stored, at);
      }
      return seq;
    },
    insertRejection(row) {
      if (applied.get(row.changeId)) throw new Error(`Change ${row.changeId} is already recorded`);
      applied.set(row.changeId, { ...row, status: 'rejected' });
      appliedRows.push({
        change_id: row.changeId,
        market_id: row.marketId,
        device_id: row.deviceId,
        status: 'rejected',
        result: JSON.stringify(row.result),
        applied_at: now,
      });
    },
    insertAudit(row) {
      if (applied.get(row.changeId)) throw new Error(`Change ${row.changeId} is already recorded`);
      const id: AppliedIdsTable = {
        change_id: row.changeId,
        market_id: marketId,
        seq: row.seq,
        conflict_copy_id: row.conflictCopyId ?? null,
      };
      applied.set(row.changeId, fromAppliedId(id));
      appliedIds.push(id);
      auditRows.push(row);
    },
    currentSeq: () => seq,
    async flush() {
      if (written.length > 0) {
        const rows: RecordsTable[] = [];
        for (const r of written) {
          rows.push({
            market_id: marketId,
            entity: r.entity,
            id: r.id,
            data: JSON.stringify(r.data),
            clocks: JSON.stringify(r.clocks),
            seq: r.seq,
            deleted: r.deleted ? 1 : 0,
            updated_at: now,
          });
        }
        const foreign = await upsertRecords(db, dialect, marketId, rows);
        if (foreign[0]) throw new ForeignRecordError(foreign[0].entity, foreign[0].id);
      }
      if (appliedRows.length > 0) await insertAppliedChanges(db, dialect, appliedRows);
      if (appliedIds.length > 0) await insertAppliedIds(db, dialect, appliedIds);
      if (auditRows.length > 0) await insertAuditBatches(db, dialect, auditBatches(marketId, now, auditRows));
      if (seq !== startSeq) {
        await db.updateTable('market_seq').set({ seq }).where('market_id', '=', marketId).execute();
      }
    },
  };
}
