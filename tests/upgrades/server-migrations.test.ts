// @vitest-environment node
// Server migrations on SQLite and PostgreSQL: from every earlier version (and the latest, through a
// test-only next migration) to the newest, data written at the old version is kept and still read, pulled
// and written by today's storage; a second run of the server's own migrate() finds nothing to do.
import { randomUUID } from 'node:crypto';
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/domain';
import type { KyselyStorage } from '../../src/server/storage/kysely-storage';
import { MIGRATIONS } from '../../src/server/storage/migrations';
import { openStorage } from '../../src/server/storage/open-storage';
import { engines, freshStorageOptions } from '../server/harness';
import { FIXTURE_WRITERS } from './server-fixtures';

/** A test-only next migration, as the next release would add one (a column and an index). */
const TEST_NEXT: Record<string, Migration> = {
  '9999_test_next': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('records').addColumn('test_note', 'text').execute();
      await db.schema.createIndex('records_test_updated').on('records').column('updated_at').execute();
    },
  },
};

const NAMES = Object.keys(MIGRATIONS).sort();

function migrator(db: Kysely<unknown>, extra: Record<string, Migration> = {}) {
  return new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS, ...extra }) },
    migrationTableName: 'dangol_migration',
    migrationLockTableName: 'dangol_migration_lock',
  });
}

const PATHS = [
  ...NAMES.slice(0, -1).map((at) => ({ at, extra: {}, label: `${at} to the latest` })),
  { at: NAMES[NAMES.length - 1] ?? '', extra: TEST_NEXT, label: 'the latest to a test-only next migration' },
];

describe.each(engines('server migration upgrades'))('server migrations on %s', (engine) => {
  it.each(PATHS)('$label keeps the data written at that version', async ({ at, extra }) => {
    const where = await freshStorageOptions(engine);
    const storage = (await openStorage({ ...where, migrate: false })) as KyselyStorage;
    const db = storage.db as unknown as Kysely<unknown>;
    try {
      const first = await migrator(db, extra).migrateTo(at);
      expect(first.error).toBeUndefined();
      const fixture = { marketId: `mkt_${randomUUID().slice(0, 8)}`, recordId: 'st-old', changeId: randomUUID() };
      const writer = FIXTURE_WRITERS[at];
      expect(writer, `add a fixture writer for ${at} in tests/upgrades/server-fixtures.ts`).toBeDefined();
      await writer!(db, fixture);

      const rest = await migrator(db, extra).migrateToLatest();
      expect(rest.error).toBeUndefined();
      expect(rest.results?.map((r) => r.status).every((st) => st === 'Success')).toBe(true);
      // A restart finds nothing to do (the server's own migrator, when no test-only migration is involved).
      if (Object.keys(extra).length === 0) expect(await storage.migrate()).toEqual([]);
      else expect((await migrator(db, extra).migrateToLatest()).results).toEqual([]);

      const rec = await storage.getRecord('stall', fixture.recordId);
      expect(rec?.data.name).toBe('옛날상회');
      expect((await storage.pull(fixture.marketId, 0, 10)).records.map((r) => r.id)).toEqual([fixture.recordId]);
      expect(await storage.countAudit(fixture.marketId, fixture.changeId)).toBe(1);
      // ... and its audit-trail entry (who changed which fields when) is still there.
      expect(await storage.auditTrail(fixture.marketId)).toMatchObject([
        {
          changeId: fixture.changeId,
          seq: 1,
          entity: 'stall',
          recordId: fixture.recordId,
          op: 'put',
          fields: ['name'],
        },
      ]);
      // The change applied at that version is still known as applied: a retry of it is answered, not re-applied.
      const answer = await storage.inMarketTx(fixture.marketId, async (tx) => {
        await tx.prefetch({ changeIds: [fixture.changeId] });
        return tx.answer(fixture.changeId);
      });
      expect(answer).toMatchObject({ status: 'applied', marketId: fixture.marketId });
      // Today's write path still works on the upgraded database and continues the market's sequence.
      const seq = await storage.inMarketTx(fixture.marketId, (tx) => {
        const clock = formatHlc({ wall: Date.now(), counter: 0 }, 'dnew');
        return tx.putRecord({
          entity: 'stall',
          id: fixture.recordId,
          data: { ...rec!.data, floor: '2' },
          clocks: { ...rec!.clocks, floor: clock },
        });
      });
      expect(seq).toBe(2);
      if (Object.keys(extra).length > 0) {
        const cols = await sql<{ n: number }>`select count(*) as n from records where test_note is null`.execute(db);
        expect(Number(cols.rows[0]?.n)).toBe(1);
      }
    } finally {
      await storage.close();
    }
  });
});
