// Loads the fictional demo market onto this tablet: rows written directly with clocks, never queued for the
// server (no outbox entries), and marked as demo in meta so the UI says so and enrollment wipes it.
import { formatHlc, tickHlc, type EntityName, type HlcState } from '../../../domain';
import { TABLE_OF, type DangolDb } from '../database';
import { ValidationError } from '../errors';
import { ensureDeviceId, getMeta, setMeta } from '../meta';

const ENTITY_TABLES = Object.values(TABLE_OF);

function withClocks<T extends object>(rows: readonly T[], clock: string) {
  return rows.map((r) => ({ ...r, _clocks: Object.fromEntries(Object.keys(r).map((k) => [k, clock])) }));
}

/** Whether the tablet holds real (non-demo) data that a demo load would mix with. */
async function holdsRealData(db: DangolDb): Promise<boolean> {
  if ((await getMeta<boolean>(db, 'enrolled')) === true) return true;
  if ((await getMeta<boolean>(db, 'demo')) === true) return false;
  return (await db.stalls.count()) + (await db.visits.count()) + (await db.outbox.count()) > 0;
}

/**
 * Put the demo market on the tablet (replacing an earlier demo) and make its lead tutor the current one.
 * Refused, changing nothing, on a tablet enrolled in a real market or holding real data.
 */
export async function loadDemoMarket(db: DangolDb, now = new Date()): Promise<{ marketId: string; tutorId: string }> {
  const deviceId = await ensureDeviceId(db);
  // Imported on use: the demo market's generator (≈ 8 kB) is not in the start screen's JS (bench 4a).
  const { DEMO_MARKET_ID, makeDemoMarket } = await import('../../../domain/demo-market');
  const demo = makeDemoMarket({ marketId: DEMO_MARKET_ID, now, utcOffsetMinutes: -now.getTimezoneOffset() });
  const tables = ENTITY_TABLES.map((t) => db.table(t));
  return db.transaction('rw', [...tables, db.outbox, db.rejected, db.meta], async () => {
    if (await holdsRealData(db)) {
      throw new ValidationError(
        'This tablet already holds a real market; the demo cannot be loaded over it',
        '이 태블릿에는 이미 실제 시장 자료가 있어 체험용 시장을 불러올 수 없습니다',
      );
    }
    if ((await getMeta<boolean>(db, 'demo')) === true) {
      for (const t of tables) await t.clear();
      await db.outbox.clear();
      await db.rejected.clear();
    }
    const state = tickHlc((await getMeta<HlcState>(db, 'hlc')) ?? { wall: 0, counter: 0 }, now.getTime());
    await setMeta(db, 'hlc', state);
    const clock = formatHlc(state, deviceId);
    const put = <E extends EntityName>(entity: E, rows: readonly object[]) =>
      db.table(TABLE_OF[entity]).bulkPut(withClocks(rows, clock));
    await put('market', [demo.market]);
    await put('tutor', demo.tutors);
    await put('stall', demo.stalls);
    await put('visit', demo.visits);
    await put('note', demo.notes);
    await put('step', demo.steps);
    await put('stepEvent', demo.stepEvents);
    await put('consent', demo.consents);
    const lead = demo.tutors.find((t) => t.role === 'lead') ?? demo.tutors[0];
    if (!lead) throw new Error('demo market without tutors');
    await setMeta(db, 'marketId', demo.market.id);
    await setMeta(db, 'tutorId', lead.id);
    await setMeta(db, 'demo', true);
    return { marketId: demo.market.id, tutorId: lead.id };
  });
}

/** Remove the demo market and everything done in it (its changes were never meant for a server). */
export async function clearDemoMarket(db: DangolDb): Promise<void> {
  const tables = ENTITY_TABLES.map((t) => db.table(t));
  await db.transaction('rw', [...tables, db.outbox, db.rejected, db.meta], async () => {
    if ((await getMeta<boolean>(db, 'demo')) !== true) return;
    for (const t of tables) await t.clear();
    await db.outbox.clear();
    await db.rejected.clear();
    await db.meta.bulkDelete(['marketId', 'tutorId']);
    await setMeta(db, 'demo', false);
  });
}
