// Set-at-a-time SQL for a market transaction: prefetching many rows with IN (...) queries and writing many
// with multi-row INSERTs, chunked under each engine's bind-parameter limit. A push of 500 changes costs a
// handful of statements instead of seven per change (bench: per-statement overhead was most of a drain).
import { CompiledQuery, type Kysely } from 'kysely';
import type { EntityName } from '../../domain';
import type { AppliedChangesTable, AppliedIdsTable, AuditBatchesTable, DatabaseSchema, RecordsTable } from './schema';
import type { Dialect } from './storage';

export type Db = Kysely<DatabaseSchema>;

/** Bind parameters one statement may carry: SQLite's SQLITE_MAX_VARIABLE_NUMBER, PostgreSQL's protocol limit. */
const MAX_PARAMS: Record<Dialect, number> = { sqlite: 32_766, postgres: 65_535 };

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows per statement when each row binds `columns` parameters (plus `extra` fixed ones). */
export function rowsPerStatement(dialect: Dialect, columns: number, extra = 0): number {
  return Math.max(1, Math.floor((MAX_PARAMS[dialect] - extra) / columns));
}

const quote = (name: string) => `"${name}"`;

/** SQL texts of multi-row INSERTs by dialect, table, columns, row count and tail (bounded: a text for thousands of rows is ≈ 100 kB). */
const insertSqlCache = new Map<string, string>();

function insertSql(
  dialect: Dialect,
  table: keyof DatabaseSchema,
  columns: readonly string[],
  rowCount: number,
  tail: string,
): string {
  const key = `${dialect}\u0000${table}\u0000${columns.join(',')}\u0000${rowCount}\u0000${tail}`;
  let sql = insertSqlCache.get(key);
  if (sql === undefined) {
    let n = 0;
    const param = dialect === 'postgres' ? () => `$${++n}` : () => '?';
    const tuples: string[] = [];
    for (let r = 0; r < rowCount; r++) tuples.push(`(${columns.map(param).join(', ')})`);
    const end = tail ? ` ${tail.replace(/\?/g, param)}` : '';
    sql = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${tuples.join(', ')}${end}`;
    if (insertSqlCache.size >= 64) insertSqlCache.clear();
    insertSqlCache.set(key, sql);
  }
  return sql;
}

/**
 * One multi-row `INSERT INTO table (columns) VALUES (...), (...) [tail]` as a ready-compiled query. kysely's
 * builder makes and compiles an operation node per value: for the three multi-row writes of a push that was
 * ≈ 100 of ≈ 500 ms CPU writing 10,000 changes on SQLite (bench). `tail` may use `?` for `tailParams`.
 */
export function insertQuery(
  dialect: Dialect,
  table: keyof DatabaseSchema,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  tail = '',
  tailParams: readonly unknown[] = [],
): CompiledQuery {
  const params: unknown[] = [];
  for (const r of rows) for (const v of r) params.push(v);
  for (const v of tailParams) params.push(v);
  return CompiledQuery.raw(insertSql(dialect, table, columns, rows.length, tail), params);
}

/**
 * insertQuery straight from row objects: the parameters are read column by column into one array, without
 * an array per row and a flattening copy (bench: building the three writes' parameters and SQL text was
 * ≈ 45 ms of a 10,000-change drain; the text is now made once per row count and reused).
 */
function insertRowsQuery<T>(
  dialect: Dialect,
  table: keyof DatabaseSchema,
  columns: readonly (keyof T & string)[],
  rows: readonly T[],
  tail = '',
  tailParams: readonly unknown[] = [],
): CompiledQuery {
  const params: unknown[] = new Array<unknown>(rows.length * columns.length + tailParams.length);
  let i = 0;
  for (const r of rows) for (const c of columns) params[i++] = r[c];
  for (const v of tailParams) params[i++] = v;
  return CompiledQuery.raw(insertSql(dialect, table, columns, rows.length, tail), params);
}

export const RECORD_COLUMNS = ['market_id', 'entity', 'id', 'data', 'clocks', 'seq', 'deleted', 'updated_at'] as const;
const RECORD_UPSERT =
  'on conflict ("entity", "id") do update set "data" = "excluded"."data", "clocks" = "excluded"."clocks", ' +
  '"seq" = "excluded"."seq", "deleted" = "excluded"."deleted", "updated_at" = "excluded"."updated_at" ' +
  'where "records"."market_id" = ?';
const APPLIED_COLUMNS = ['change_id', 'market_id', 'device_id', 'status', 'result', 'applied_at'] as const;
const APPLIED_ID_COLUMNS = ['change_id', 'market_id', 'seq', 'conflict_copy_id'] as const;
const AUDIT_BATCH_COLUMNS = ['market_id', 'first_seq', 'last_seq', 'device_id', 'received_at', 'changes'] as const;

/** SQL texts of `... IN (?, ...)` selects by dialect, prefix and list length. */
const inSqlCache = new Map<string, string>();

/**
 * `<prefix> in (<list>)` as a ready-compiled query, `prefix` using `?` for `prefixParams`. kysely's builder
 * made an operation node per listed id: ≈ 25 ms of the ≈ 90 ms prefetching a 10,000-change drain (bench).
 */
function inListQuery(
  dialect: Dialect,
  prefix: string,
  prefixParams: readonly unknown[],
  list: readonly unknown[],
): CompiledQuery {
  const key = `${dialect}\u0000${prefix}\u0000${list.length}`;
  let sql = inSqlCache.get(key);
  if (sql === undefined) {
    let n = 0;
    const param = dialect === 'postgres' ? () => `$${++n}` : () => '?';
    const head = prefix.replace(/\?/g, param);
    const marks: string[] = [];
    for (let i = 0; i < list.length; i++) marks.push(param());
    sql = `${head} in (${marks.join(', ')})`;
    if (inSqlCache.size >= 64) inSqlCache.clear();
    inSqlCache.set(key, sql);
  }
  return CompiledQuery.raw(sql, [...prefixParams, ...list]);
}

export async function selectAppliedChanges(
  db: Db,
  dialect: Dialect,
  changeIds: readonly string[],
): Promise<AppliedChangesTable[]> {
  const rows: AppliedChangesTable[] = [];
  for (const part of chunks([...new Set(changeIds)], rowsPerStatement(dialect, 1))) {
    const query = inListQuery(dialect, 'select * from "applied_changes" where "change_id"', [], part);
    for (const row of (await db.executeQuery<AppliedChangesTable>(query)).rows) rows.push(row);
  }
  return rows;
}

/** The applied changes among `changeIds` (since migration 0003). */
export async function selectAppliedIds(
  db: Db,
  dialect: Dialect,
  changeIds: readonly string[],
): Promise<AppliedIdsTable[]> {
  const rows: AppliedIdsTable[] = [];
  for (const part of chunks([...new Set(changeIds)], rowsPerStatement(dialect, 1))) {
    const query = inListQuery(dialect, 'select * from "applied_ids" where "change_id"', [], part);
    for (const row of (await db.executeQuery<AppliedIdsTable>(query)).rows) rows.push(row);
  }
  return rows;
}

/** A record as a merge reads it: every column but `updated_at`. */
export type ReadRecord = Omit<RecordsTable, 'updated_at'>;
const READ_COLUMNS = '"entity", "id", "market_id", "data", "clocks", "seq", "deleted"';

/** Records by (entity, id), whatever their market: one `entity = ? AND id IN (...)` query per entity and chunk. */
export async function selectRecords(
  db: Db,
  dialect: Dialect,
  keys: readonly { entity: EntityName; id: string }[],
): Promise<ReadRecord[]> {
  const byEntity = new Map<EntityName, Set<string>>();
  for (const k of keys) {
    let ids = byEntity.get(k.entity);
    if (!ids) byEntity.set(k.entity, (ids = new Set()));
    ids.add(k.id);
  }
  const rows: ReadRecord[] = [];
  for (const [entity, ids] of byEntity) {
    for (const part of chunks([...ids], rowsPerStatement(dialect, 1, 1))) {
      const head = `select ${READ_COLUMNS} from "records" where "entity" = ? and "id"`;
      const query = inListQuery(dialect, head, [entity], part);
      for (const row of (await db.executeQuery<ReadRecord>(query)).rows) rows.push(row);
    }
  }
  return rows;
}

/**
 * Insert or replace records of one market. The guarded upsert never takes over another market's record,
 * even when two markets create the same id at the same moment (each holds only its own market's lock):
 * such a row is neither inserted nor updated, so the count comes back short. Returns the keys written
 * short of `rows` (empty when every row landed).
 */
export async function upsertRecords(
  db: Db,
  dialect: Dialect,
  marketId: string,
  rows: readonly RecordsTable[],
): Promise<{ entity: string; id: string }[]> {
  const short: { entity: string; id: string }[] = [];
  for (const part of chunks(rows, rowsPerStatement(dialect, RECORD_COLUMNS.length, 1))) {
    const query = insertRowsQuery(dialect, 'records', RECORD_COLUMNS, part, RECORD_UPSERT, [marketId]);
    const written = await db.executeQuery(query);
    if (Number(written.numAffectedRows ?? 0) !== part.length) {
      const held = await selectRecords(db, dialect, part as { entity: EntityName; id: string }[]);
      for (const r of held) if (r.market_id !== marketId) short.push({ entity: r.entity, id: r.id });
      if (short.length === 0) short.push({ entity: part[0]!.entity, id: part[0]!.id });
    }
  }
  return short;
}

export async function insertAppliedChanges(db: Db, dialect: Dialect, rows: readonly AppliedChangesTable[]) {
  for (const part of chunks(rows, rowsPerStatement(dialect, APPLIED_COLUMNS.length))) {
    await db.executeQuery(insertRowsQuery(dialect, 'applied_changes', APPLIED_COLUMNS, part));
  }
}

export async function insertAppliedIds(db: Db, dialect: Dialect, rows: readonly AppliedIdsTable[]) {
  for (const part of chunks(rows, rowsPerStatement(dialect, APPLIED_ID_COLUMNS.length))) {
    await db.executeQuery(insertRowsQuery(dialect, 'applied_ids', APPLIED_ID_COLUMNS, part));
  }
}

export async function insertAuditBatches(db: Db, dialect: Dialect, rows: readonly AuditBatchesTable[]) {
  await db.executeQuery(insertRowsQuery(dialect, 'audit_batches', AUDIT_BATCH_COLUMNS, rows));
}
