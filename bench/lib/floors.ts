// The floors the sync benchmarks are compared with: the least work that moves the same rows. A bench-local
// HTTP endpoint (one request or response carrying everything) plus one bulk write in one transaction.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import type { DangolDb } from '../../src/app/db/database';
import { TABLE_OF } from '../../src/app/db/database';
import type { EntityName } from '../../src/domain';
import { insertQuery, RECORD_COLUMNS } from '../../src/server/storage/batch-sql';
import type { DatabaseSchema } from '../../src/server/storage/schema';
import type { Dialect, Storage } from '../../src/server/storage/storage';

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
