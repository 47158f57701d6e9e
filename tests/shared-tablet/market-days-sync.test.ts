// @vitest-environment node
// The lead's market-days setting through the app's real sync engine and the real server: set on one tablet,
// pushed, pulled by a second tablet (which then treats the market as a 2·7 5일장); a tutor's attempt on the
// second tablet is refused by the server and lands under "needs attention".
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DangolDb } from '../../src/app/db/database';
import { setMeta } from '../../src/app/db/meta';
import { mutate } from '../../src/app/db/mutate';
import { getMarket } from '../../src/app/db/repos/market';
import { setMarketSchedule } from '../../src/app/db/repos/tutor-admin';
import { createSyncEngine, type SyncEngine } from '../../src/app/sync';
import { isMarketDay } from '../../src/domain';
import { createEnrollmentCode, createTutor } from '../../src/server/admin/commands';
import { useServer as serverForThisFile } from '../server/harness';
import { serverSnapshot } from '../integration/tablets';

const fx = serverForThisFile('sqlite');

async function pad(name: string, tutorId: string): Promise<{ db: DangolDb; engine: SyncEngine }> {
  const db = new DangolDb(`md-${name}-${randomUUID()}`);
  const engine = createSyncEngine({
    db,
    locks: null,
    online: { isOnline: () => true, subscribe: () => () => {} },
    timers: { set: () => 0, clear: () => {} },
    fetch: (input, init) => fetch(input, init),
  });
  const { server, marketId } = fx.get();
  const { code } = await createEnrollmentCode(server.storage, marketId);
  await engine.enroll({ code, deviceName: name, serverUrl: server.url });
  await setMeta(db, 'tutorId', tutorId);
  return { db, engine };
}

describe('market days between tablets', () => {
  it("carries a lead's 5일장 market days to another tablet, and refuses a tutor's", async () => {
    const { server, marketId } = fx.get();
    const lead = await createTutor(server.storage, { marketId, name: '김리드', role: 'lead' });
    const tutor = await createTutor(server.storage, { marketId, name: '박튜터', role: 'tutor' });
    const a = await pad('lead-tablet', lead.id);
    const b = await pad('tutor-tablet', tutor.id);
    expect(await getMarket(b.db, marketId)).toMatchObject({ schedule: '상설', marketDays: '' });

    await setMarketSchedule(a.db, lead.id, '5일장', '2·7');
    await a.engine.syncNow();
    expect(await a.db.outbox.count()).toBe(0);
    expect((await serverSnapshot(server, marketId))[`market:${marketId}`]).toMatchObject({
      schedule: '5일장',
      marketDays: '2·7',
    });

    await b.engine.syncNow();
    const pulled = await getMarket(b.db, marketId);
    expect(pulled).toMatchObject({ schedule: '5일장', marketDays: '2·7' });
    expect(isMarketDay(pulled!, '2026-11-27')).toBe(true);
    expect(isMarketDay(pulled!, '2026-11-26')).toBe(false);

    // A tutor's tablet changing it anyway (not through the lead's screen): the server says no.
    await mutate(b.db, { entity: 'market', id: marketId, fields: { marketDays: '3·8' }, tutorId: tutor.id });
    await b.engine.syncNow();
    const [refused] = await b.db.rejected.toArray();
    expect(refused).toMatchObject({ entity: 'market' });
    expect(refused?.change.fields).toMatchObject({ marketDays: '3·8' });
    expect((await serverSnapshot(server, marketId))[`market:${marketId}`]).toMatchObject({ marketDays: '2·7' });
  });
});
