// The one Storage implementation, written once in kysely for SQLite (better-sqlite3) and PostgreSQL (pg).
// Engine differences are confined to how a market's write lock is taken (see inMarketTx).
import { sql, type Kysely } from 'kysely';
import type { EntityName } from '../../domain';
import { getRecord, marketTx, toDevice, toRecord, type Db } from './market-tx';
import { migrateToLatest } from './migrations';
import type { DatabaseSchema } from './schema';
import type { Checkpointer } from './wal-checkpoint';
import { auditEntries } from './audit-trail';
import type {
  AuditEntry,
  Device,
  Dialect,
  MarketTx,
  PullPage,
  RedeemResult,
  Storage,
  StorageHooks,
  StoredRecord,
} from './storage';

export class KyselyStorage implements Storage {
  readonly hooks: StorageHooks = {};

  constructor(
    readonly db: Db,
    readonly dialect: Dialect,
    /** SQLite: checkpoints the WAL when idle instead of inside commits (see wal-checkpoint.ts). */
    private readonly checkpointer?: Checkpointer,
  ) {}

  migrate(): Promise<string[]> {
    return migrateToLatest(this.db as unknown as Kysely<unknown>);
  }

  close(): Promise<void> {
    this.checkpointer?.stop();
    return this.db.destroy();
  }

  async initMarket(marketId: string): Promise<void> {
    await this.db
      .insertInto('market_seq')
      .values({ market_id: marketId, seq: 0 })
      .onConflict((oc) => oc.column('market_id').doNothing())
      .execute();
  }

  /**
   * Seqs must rise strictly per market and a puller must never skip a row, so writers of one market are
   * serialized for the whole transaction: PostgreSQL locks the market's sequence row (SELECT ... FOR UPDATE)
   * before reading anything; SQLite takes the database write lock up front (BEGIN IMMEDIATE), so a
   * concurrent writer (another process, e.g. the admin CLI) waits on busy_timeout instead of failing later.
   */
  async inMarketTx<T>(marketId: string, fn: (tx: MarketTx) => T | Promise<T>): Promise<T> {
    return this.writeTx(async (trx) => {
      let q = trx.selectFrom('market_seq').select('seq').where('market_id', '=', marketId);
      if (this.dialect === 'postgres') q = q.forUpdate();
      const locked = await q.executeTakeFirst();
      if (!locked) throw new Error(`Market ${marketId} has no sequence row`);
      const tx = marketTx(trx, this.dialect, marketId, Number(locked.seq));
      const result = await fn(tx);
      await tx.flush();
      return result;
    });
  }

  /** A write transaction: PostgreSQL's default, SQLite's with the write lock taken at BEGIN. */
  private writeTx<T>(fn: (trx: Db) => Promise<T>): Promise<T> {
    if (this.dialect === 'postgres') return this.db.transaction().execute(fn);
    this.checkpointer?.writing();
    return this.db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const result = await fn(conn);
        await sql`commit`.execute(conn);
        this.checkpointer?.written();
        return result;
      } catch (err) {
        await sql`rollback`.execute(conn);
        throw err;
      }
    });
  }

  getRecord(entity: EntityName, id: string): Promise<StoredRecord | undefined> {
    return getRecord(this.db, entity, id);
  }

  async listRecords(entity: EntityName, marketId?: string): Promise<StoredRecord[]> {
    let q = this.db.selectFrom('records').selectAll().where('entity', '=', entity);
    if (marketId !== undefined) q = q.where('market_id', '=', marketId);
    const rows = await q.orderBy('seq').execute();
    return rows.map(toRecord);
  }

  async pull(marketId: string, since: number, limit: number): Promise<PullPage> {
    const rows = await this.db
      .selectFrom('records')
      .selectAll()
      .where('market_id', '=', marketId)
      .where('seq', '>', since)
      .orderBy('seq')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit).map(toRecord);
    const last = page[page.length - 1];
    return { records: page, cursor: last ? last.seq : since, hasMore: rows.length > limit };
  }

  async saveEnrollmentCode(codeHash: string, marketId: string, createdAt: string, expiresAt: string): Promise<void> {
    await this.db
      .insertInto('enrollment_codes')
      .values({ code_hash: codeHash, market_id: marketId, created_at: createdAt, expires_at: expiresAt })
      .execute();
  }

  redeemEnrollmentCode(
    codeHash: string,
    now: string,
    device: { id: string; name: string; tokenHash: string },
  ): Promise<RedeemResult> {
    return this.writeTx(async (trx): Promise<RedeemResult> => {
      const code = await trx
        .selectFrom('enrollment_codes')
        .selectAll()
        .where('code_hash', '=', codeHash)
        .executeTakeFirst();
      if (!code) return { ok: false, reason: 'unknown' };
      if (code.used_at !== null) return { ok: false, reason: 'used' };
      if (code.expires_at <= now) return { ok: false, reason: 'expired' };
      // Guarded update: of two concurrent redemptions only one changes the row.
      const used = await trx
        .updateTable('enrollment_codes')
        .set({ used_at: now, device_id: device.id })
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) return { ok: false, reason: 'used' };
      await trx
        .insertInto('devices')
        .values({
          id: device.id,
          market_id: code.market_id,
          name: device.name,
          token_hash: device.tokenHash,
          created_at: now,
          revoked_at: null,
          last_seen_at: now,
        })
        .execute();
      return { ok: true, marketId: code.market_id };
    });
  }

  async findDeviceByTokenHash(tokenHash: string): Promise<Device | undefined> {
    const row = await this.db.selectFrom('devices').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? toDevice(row) : undefined;
  }

  async touchDevice(deviceId: string, at: string): Promise<void> {
    await this.db.updateTable('devices').set({ last_seen_at: at }).where('id', '=', deviceId).execute();
  }

  async listDevices(marketId: string): Promise<Device[]> {
    const rows = await this.db
      .selectFrom('devices')
      .selectAll()
      .where('market_id', '=', marketId)
      .orderBy('created_at')
      .execute();
    return rows.map(toDevice);
  }

  async revokeDevice(deviceId: string, at: string): Promise<boolean> {
    const res = await this.db
      .updateTable('devices')
      .set({ revoked_at: sql<string>`coalesce(revoked_at, ${at})` })
      .where('id', '=', deviceId)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  async countAudit(marketId: string, changeId?: string): Promise<number> {
    let q = this.db
      .selectFrom('applied_ids')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('market_id', '=', marketId);
    if (changeId !== undefined) q = q.where('change_id', '=', changeId);
    const row = await q.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async auditTrail(marketId: string): Promise<AuditEntry[]> {
    const rows = await this.db.selectFrom('audit_batches').selectAll().where('market_id', '=', marketId).execute();
    return auditEntries(rows);
  }

  dumpTable(table: keyof DatabaseSchema): Promise<Record<string, unknown>[]> {
    return this.db.selectFrom(table).selectAll().execute() as Promise<Record<string, unknown>[]>;
  }
}
