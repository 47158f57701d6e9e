// Data written at a given migration version, with raw SQL of THAT version's schema (not today's code), for
// the migration tests. When migration 000N ships, add its writer here: the test covers it automatically.
import { sql, type Kysely } from 'kysely';

export interface Fixture {
  marketId: string;
  recordId: string;
  changeId: string;
}

type Writer = (db: Kysely<unknown>, f: Fixture) => Promise<void>;

/** An old stall record as its JSON and clocks were stored at every version so far. */
function oldStall(f: Fixture, now: string): { data: string; clocks: string } {
  const clock = `${String(Date.now()).padStart(13, '0')}-0000-dfixture`;
  const data = JSON.stringify({
    id: f.recordId,
    marketId: f.marketId,
    updatedAt: now,
    updatedBy: null,
    deleted: false,
    name: '옛날상회',
    category: '수산',
    building: '',
    floor: '',
    row: '',
    number: '',
    landmark: '',
    merchantName: '',
    merchantPhone: '',
    channelName: '',
    channelSearchId: '',
    channelUrl: '',
    channelOpened: false,
    businessStatus: 'not_applied',
    friendCount: 0,
    friendCountAt: null,
  });
  const clocks = JSON.stringify(Object.fromEntries(Object.keys(JSON.parse(data) as object).map((k) => [k, clock])));
  return { data, clocks };
}

async function writeRecord(db: Kysely<unknown>, f: Fixture, now: string) {
  const { data, clocks } = oldStall(f, now);
  await sql`insert into market_seq (market_id, seq) values (${f.marketId}, 1)`.execute(db);
  await sql`insert into records (entity, id, market_id, data, clocks, seq, deleted, updated_at)
    values ('stall', ${f.recordId}, ${f.marketId}, ${data}, ${clocks}, 1, 0, ${now})`.execute(db);
}

export const FIXTURE_WRITERS: Readonly<Record<string, Writer>> = {
  async '0001_initial'(db, f) {
    const now = new Date().toISOString();
    await writeRecord(db, f, now);
    await sql`insert into applied_changes (change_id, market_id, device_id, status, result, applied_at)
      values (${f.changeId}, ${f.marketId}, null, 'applied', ${JSON.stringify({ changeId: f.changeId, status: 'applied' })}, ${now})`.execute(
      db,
    );
    await sql`insert into audit (change_id, market_id, seq, device_id, tutor_id, entity, record_id, op, fields, at, received_at)
      values (${f.changeId}, ${f.marketId}, 1, null, null, 'stall', ${f.recordId}, 'put', '["name"]', ${now}, ${now})`.execute(
      db,
    );
  },
  // Since 0002 an applied change is recorded by its audit row alone (with its conflict copy, if any).
  async '0002_audit_records_applied_changes'(db, f) {
    const now = new Date().toISOString();
    await writeRecord(db, f, now);
    await sql`insert into audit (change_id, market_id, seq, device_id, tutor_id, entity, record_id, op, fields, at, received_at, conflict_copy_id)
      values (${f.changeId}, ${f.marketId}, 1, null, null, 'stall', ${f.recordId}, 'put', '["name"]', ${now}, ${now}, null)`.execute(
      db,
    );
  },
  // Since 0003: applied_ids answers a retry; the audit trail is one audit_batches row per batch.
  async '0003_applied_ids_and_audit_batches'(db, f) {
    const now = new Date().toISOString();
    await writeRecord(db, f, now);
    await sql`insert into applied_ids (change_id, market_id, seq, conflict_copy_id)
      values (${f.changeId}, ${f.marketId}, 1, null)`.execute(db);
    const entries = JSON.stringify([[f.changeId, 1, null, 'stall', f.recordId, 'put', ['name'], now, null]]);
    await sql`insert into audit_batches (market_id, first_seq, last_seq, device_id, received_at, changes)
      values (${f.marketId}, 1, 1, null, ${now}, ${entries})`.execute(db);
  },
};
