// Versioned, append-only schema migrations for both engines (kysely Migrator, in-code provider).
// Never edit a migration that has shipped: add the next one. Column types are chosen to mean the same
// on SQLite and PostgreSQL (text, integer), see schema.ts for why.
import {
  Migrator,
  sql,
  SqliteAdapter,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely';

const m0001: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('records')
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('market_id', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('clocks', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('records_pk', ['entity', 'id'])
      .execute();
    await db.schema.createIndex('records_market_seq').on('records').columns(['market_id', 'seq']).execute();

    await db.schema
      .createTable('market_seq')
      .addColumn('market_id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('applied_changes')
      .addColumn('change_id', 'text', (c) => c.primaryKey())
      .addColumn('market_id', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('devices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('market_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('last_seen_at', 'text')
      .execute();
    await db.schema.createIndex('devices_market').on('devices').column('market_id').execute();

    await db.schema
      .createTable('enrollment_codes')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('market_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('device_id', 'text')
      .execute();

    await db.schema
      .createTable('audit')
      .addColumn('change_id', 'text', (c) => c.primaryKey())
      .addColumn('market_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('device_id', 'text')
      .addColumn('tutor_id', 'text')
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('op', 'text', (c) => c.notNull())
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_market_seq').on('audit').columns(['market_id', 'seq']).execute();
  },
};

/**
 * An applied change is recorded once, by its audit row, which now also answers a retry of it (with the id of
 * the conflict copy it made, if any); `applied_changes` keeps the rejected ones (and the applied ones recorded
 * before this migration, still read). Two rows per applied change were ≈ 1,000 of the ≈ 8,800 SQLite pages a
 * 10,000-change drain wrote (bench, docs/performance.md).
 */
const m0002: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('audit').addColumn('conflict_copy_id', 'text').execute();
  },
};

/**
 * A push records each applied change twice over: that it was applied (what answers a retry, SYNC.md 4) and
 * the audit trail (who changed which fields, when). Until now both were one 12-column `audit` row per change,
 * in three B-trees; a drain of 10,000 changes spent ≈ 12% of the server's time on them (bench). Now:
 * - applied_ids: one small row per change (id, market, seq, conflict copy), keyed by the time-ordered change
 *   id (WITHOUT ROWID on SQLite: the key is the table, new ids append at its right edge);
 * - audit_batches: the trail, one row per applied batch of one device, its entries in one JSON array.
 * The old rows move over (each becomes its own batch) and `audit` is dropped, with its unused (market, seq)
 * index. The same statements on both engines but for WITHOUT ROWID and the JSON functions.
 */
const m0003: Migration = {
  async up(db: Kysely<unknown>) {
    const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
    const run = async () => {
      await sql`create table applied_ids (change_id text not null primary key, market_id text not null,
        seq integer not null, conflict_copy_id text) ${sql.raw(sqlite ? 'without rowid' : '')}`.execute(db);
      await sql`create table audit_batches (market_id text not null, first_seq integer not null,
        last_seq integer not null, device_id text, received_at text not null, changes text not null,
        primary key (market_id, first_seq))`.execute(db);
      await sql`insert into applied_ids (change_id, market_id, seq, conflict_copy_id)
        select change_id, market_id, seq, conflict_copy_id from audit order by change_id`.execute(db);
      // Entry order as in audit-trail.ts: change id, seq, tutor, entity, record, op, field names, at, copy.
      const entries = sqlite
        ? sql`json_group_array(json_array(change_id, seq, tutor_id, entity, record_id, op, json(fields), at,
            conflict_copy_id))`
        : sql`json_agg(json_build_array(change_id, seq, tutor_id, entity, record_id, op, fields::json, at,
            conflict_copy_id))::text`;
      await sql`insert into audit_batches (market_id, first_seq, last_seq, device_id, received_at, changes)
        select market_id, seq, seq, min(device_id), min(received_at), ${entries}
        from audit group by market_id, seq`.execute(db);
      await sql`drop table audit`.execute(db);
    };
    if (!sqlite) return run(); // PostgreSQL runs every migration in a transaction
    // Kysely runs SQLite migrations outside a transaction: this one is one (a savepoint opens and commits it).
    await sql`savepoint m0003`.execute(db);
    try {
      await run();
      await sql`release m0003`.execute(db);
    } catch (err) {
      await sql`rollback to m0003`.execute(db);
      await sql`release m0003`.execute(db);
      throw err;
    }
  },
};

/** Append-only: the next migration is '0004_...'. Names sort in the order they run. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_initial': m0001,
  '0002_audit_records_applied_changes': m0002,
  '0003_applied_ids_and_audit_batches': m0003,
};

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

/** Bring the schema up to date; returns the names of the migrations that ran now (empty when current). */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'dangol_migration',
    migrationLockTableName: 'dangol_migration_lock',
  });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
