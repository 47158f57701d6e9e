// @vitest-environment node
// Storage on each engine: migrations are versioned and a second run is a no-op; the demo seed lands once as
// ordinary synced records; seqs rise strictly per market.
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { makeDemoMarket } from '../../src/domain/demo-market';
import { createMarket, listMarkets } from '../../src/server/admin/commands';
import { seedDemoMarket } from '../../src/server/seed';
import { MIGRATIONS } from '../../src/server/storage/migrations';
import type { KyselyStorage } from '../../src/server/storage/kysely-storage';
import { openStorage } from '../../src/server/storage/open-storage';
import { ForeignRecordError } from '../../src/server/storage/storage';
import { engines, freshStorageOptions } from './harness';

describe.each(engines('storage suite (migrations, seed)'))('storage on %s', (engine) => {
  it('runs every migration once; running them again (a restart) changes nothing', async () => {
    const where = await freshStorageOptions(engine);
    const first = await openStorage({ ...where, migrate: false });
    try {
      expect(await first.migrate()).toEqual(Object.keys(MIGRATIONS));
      expect(await first.migrate()).toEqual([]);
    } finally {
      await first.close();
    }
    const again = await openStorage(where);
    try {
      expect(again.dialect).toBe(engine);
      expect(await again.migrate()).toEqual([]);
      expect(await again.dumpTable('records')).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('seeds the demo market once, as records with clocks and strictly rising seqs', async () => {
    const storage = await openStorage(await freshStorageOptions(engine));
    try {
      const now = new Date('2025-05-01T01:00:00Z');
      const market = await seedDemoMarket(storage, { now, seed: 7 });
      expect(market?.demo).toBe(true);
      expect(await seedDemoMarket(storage, { now })).toBeUndefined();
      expect((await listMarkets(storage)).map((m) => m.id)).toEqual([market?.id]);

      const demo = makeDemoMarket({ marketId: String(market?.id), now, seed: 7 });
      const expected =
        1 +
        demo.tutors.length +
        demo.stalls.length +
        demo.visits.length +
        demo.notes.length +
        demo.steps.length +
        demo.stepEvents.length +
        demo.consents.length;
      const page = await storage.pull(String(market?.id), 0, 100_000);
      expect(page.records).toHaveLength(expected);
      expect(page.hasMore).toBe(false);
      expect(page.records.map((r) => r.seq)).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
      const stall = page.records.find((r) => r.entity === 'stall');
      expect(Object.keys(stall?.clocks ?? {}).sort()).toEqual(Object.keys(stall?.data ?? {}).sort());
      expect(await storage.countAudit(String(market?.id))).toBe(expected);
    } finally {
      await storage.close();
    }
  });

  it('keeps one index on applied_ids, its change-id key (SQLite: the table itself, WITHOUT ROWID)', async () => {
    const storage = (await openStorage(await freshStorageOptions(engine))) as KyselyStorage;
    const db = storage.db as unknown as Kysely<unknown>;
    try {
      if (engine === 'sqlite') {
        const table = await sql<{ sql: string }>`select sql from sqlite_master where name = 'applied_ids'`.execute(db);
        expect(table.rows[0]?.sql.toLowerCase()).toContain('without rowid');
        const indexes = await sql<{ origin: string }>`pragma index_list('applied_ids')`.execute(db);
        expect(indexes.rows.map((r) => r.origin)).toEqual(['pk']);
      } else {
        const indexes = await sql<{
          indexname: string;
        }>`select indexname from pg_indexes where tablename = 'applied_ids'`.execute(db);
        expect(indexes.rows.map((r) => r.indexname)).toEqual(['applied_ids_pkey']);
      }
    } finally {
      await storage.close();
    }
  });

  it("never writes over another market's record, even without the push checks in front", async () => {
    const storage = await openStorage(await freshStorageOptions(engine));
    try {
      const a = await createMarket(storage, { name: '가시장', type: '골목형', schedule: '상설' });
      const b = await createMarket(storage, { name: '나시장', type: '골목형', schedule: '상설' });
      const data = { id: 'shared-id', name: 'B의 기록' };
      await storage.inMarketTx(b.id, (tx) => tx.putRecord({ entity: 'stall', id: 'shared-id', data, clocks: {} }));
      const seqBefore = await storage.inMarketTx(a.id, (tx) => tx.currentSeq());
      await expect(
        storage.inMarketTx(a.id, (tx) => {
          tx.putRecord({ entity: 'stall', id: 'a-first', data: { id: 'a-first' }, clocks: {} });
          tx.putRecord({ entity: 'stall', id: 'shared-id', data: { id: 'shared-id', name: '탈취' }, clocks: {} });
        }),
      ).rejects.toBeInstanceOf(ForeignRecordError);
      expect(await storage.getRecord('stall', 'shared-id')).toMatchObject({ marketId: b.id, data });
      expect(await storage.getRecord('stall', 'a-first')).toBeUndefined();
      expect(await storage.inMarketTx(a.id, (tx) => tx.currentSeq())).toBe(seqBefore);
    } finally {
      await storage.close();
    }
  });
});

describe('SQLite storage', () => {
  it('has each commit on disk before it returns: a push is answered only after its commit', async () => {
    const storage = (await openStorage(await freshStorageOptions('sqlite'))) as KyselyStorage;
    try {
      // 2 = FULL: the WAL is synced at every commit (1 = NORMAL may lose the last commits on a power cut, after the
      // tablets were told they landed). PostgreSQL's default (synchronous_commit = on) is the same; the server
      // leaves that one to the database's configuration.
      const mode = await sql<{ synchronous: number }>`pragma synchronous`.execute(
        storage.db as unknown as Kysely<unknown>,
      );
      expect(mode.rows[0]?.synchronous).toBe(2);
    } finally {
      await storage.close();
    }
  });
});
