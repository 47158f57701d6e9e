// The floors the sync benchmarks are compared with: the least work that moves the same rows. A bench-local
// HTTP endpoint (one request or response carrying everything) plus one bulk write in one transaction.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import type { DangolDb } from '../../src/app/db/database';
import { TABLE_OF } from '../../src/app/db/database';
import type { EntityName } from '../../src/domain';
import { insertQuery, RECORD_COLUMNS, upsertRecords } from '../../src/server/storage/batch-sql';
import type { DatabaseSchema } from '../../src/server/storage/schema';
import type { Dialect, Storage, StoredRecord } from '../../src/server/storage/storage';

export interface FloorHttp {
  url: string;
  /** What GET answers (serialized per request, as a server would). */
  setPayload(value: unknown): void;
  close(): Promise<void>;
}

/** POST: reads and parses the whole body, answers {ok}. GET: answers the payload as JSON. */
export async function startFloorHttp(): Promise<FloorHttp> {
  let payload: unknown = null;
  const server = http.createServer((req, res) => {
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { changes?: unknown[] };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, n: body.changes?.length ?? 0 }));
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(payload));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setPayload: (v) => (payload = v),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface FloorRow {
  entity: EntityName;
  id: string;
  data: Record<string, unknown>;
  clocks: Record<string, string>;
}

/**
 * The server database's own bulk insert: every row in one transaction, multi-row INSERTs of 500, sent as
 * ready-compiled statements like the server's own multi-row writes (`insertQuery`), so neither side pays
 * for kysely's query builder.
 */
export async function bulkInsertServer(storage: Storage, marketId: string, rows: readonly FloorRow[]) {
  const { db, dialect } = storage as unknown as { db: Kysely<DatabaseSchema>; dialect: Dialect };
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) {
      const values = rows
        .slice(i, i + 500)
        .map((r, k) => [marketId, r.entity, r.id, JSON.stringify(r.data), JSON.stringify(r.clocks), i + k + 1, 0, now]);
      await trx.executeQuery(insertQuery(dialect, 'records', RECORD_COLUMNS, values));
    }
  });
}

/**
 * The drain's floor: the records the drain wrote, written again at their OWN keys (entity, id) with the
 * market's next seqs, in one transaction, by the server's own multi-row upsert. These are "the same rows": an
 * update of a visit lands on that visit's page and moves its seq index entry, as the drain's does. (Until the
 * third session the floor inserted copies under fresh, clustered keys: three times cheaper for SQLite than the
 * same rows, see docs/performance.md. It is still measured and reported as `freshKeyFloor`.)
 */
export async function bulkUpsertServer(storage: Storage, marketId: string, records: readonly StoredRecord[]) {
  const { db, dialect } = storage as unknown as { db: Kysely<DatabaseSchema>; dialect: Dialect };
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const top = await trx.selectFrom('market_seq').select('seq').where('market_id', '=', marketId).executeTakeFirst();
    const first = Number(top?.seq ?? 0) + 1;
    const rows = records.map((r, k) => ({
      market_id: marketId,
      entity: r.entity,
      id: r.id,
      data: JSON.stringify(r.data),
      clocks: JSON.stringify(r.clocks),
      seq: first + k,
      deleted: r.deleted ? 1 : 0,
      updated_at: now,
    }));
    const foreign = await upsertRecords(trx, dialect, marketId, rows);
    if (foreign.length > 0) throw new Error(`floor upsert touched another market's record ${foreign[0]!.id}`);
    await trx
      .updateTable('market_seq')
      .set({ seq: first + rows.length - 1 })
      .where('market_id', '=', marketId)
      .execute();
  });
}

/** One Dexie bulkPut per table of the same rows, all in one transaction. */
export async function bulkPutTablet(db: DangolDb, rows: readonly FloorRow[]) {
  const byTable = new Map<string, Record<string, unknown>[]>();
  for (const r of rows) {
    const t = TABLE_OF[r.entity];
    const list = byTable.get(t) ?? [];
    list.push({ ...r.data, id: r.id, _clocks: r.clocks });
    byTable.set(t, list);
  }
  const tables = [...byTable.keys()].map((t) => db.table(t));
  await db.transaction('rw', tables, async () => {
    for (const [t, list] of byTable) await db.table(t).bulkPut(list);
  });
}
