// @vitest-environment node
// A 5일장's market days cross the wire like any market field, on each engine: a lead's change round-trips
// through push and pull (also onto a market stored before the field existed); a tutor's is refused (403) and
// a value that is not one of the five pairs is refused by name (422); a new market starts with none.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Market, Tutor } from '../../src/domain';
import { createTutor } from '../../src/server/admin/commands';
import { writeServerRecords } from '../../src/server/server-writes';
import { enroll, engines, latest, pullAll, useServer, type TestDevice } from './harness';

describe.each(engines('market days suite'))('market days on %s', (engine) => {
  const fx = useServer(engine);
  let lead: Tutor;
  let tutor: Tutor;
  let dev: TestDevice;
  let other: TestDevice;

  beforeAll(async () => {
    const { server, marketId } = fx.get();
    lead = await createTutor(server.storage, { marketId, name: '리드', role: 'lead' });
    tutor = await createTutor(server.storage, { marketId, name: '튜터', role: 'tutor' });
    dev = await enroll(server, marketId, 'lounge');
    other = await enroll(server, marketId, 'second');
  });

  async function one(fields: Record<string, unknown>, tutorId: string) {
    const res = await dev.pushOk([dev.change({ entity: 'market', recordId: fx.get().marketId, fields, tutorId })]);
    return res.results[0];
  }

  it('gives a new market no market days', async () => {
    expect(latest(await pullAll(other), fx.get().marketId)).toMatchObject({ schedule: '상설', marketDays: '' });
  });

  it("round-trips a lead's change of schedule and market days to another tablet", async () => {
    const applied = await one({ schedule: '5일장', marketDays: '2·7' }, lead.id);
    expect(applied?.status).toBe('applied');
    expect(latest(await pullAll(other), fx.get().marketId)).toMatchObject({
      schedule: '5일장',
      marketDays: '2·7',
    });
  });

  it("refuses a tutor's change (403) and a value that is not a pair (422), keeping the market as it was", async () => {
    const byTutor = await one({ marketDays: '3·8' }, tutor.id);
    expect(byTutor).toMatchObject({ status: 'rejected', code: 'forbidden', httpStatus: 403 });
    const bad = await one({ marketDays: '6·1' }, lead.id);
    expect(bad).toMatchObject({ status: 'rejected', code: 'invalid', httpStatus: 422 });
    expect(bad?.reason).toMatch(/marketDays/);
    expect(latest(await pullAll(other), fx.get().marketId)).toMatchObject({ schedule: '5일장', marketDays: '2·7' });
  });

  it('takes market days onto a market stored before the field existed', async () => {
    const { server } = fx.get();
    const oldId = fx.get().marketId;
    const held = latest(await pullAll(other), oldId) as Market;
    const { marketDays: _gone, ...before } = held;
    // Written as an old server held it: no marketDays at all.
    await writeServerRecords(server.storage, oldId, [{ entity: 'market', data: before as Market }]);
    expect(latest(await pullAll(other), oldId)).not.toHaveProperty('marketDays');
    // A change to another field still applies; then the market days arrive.
    expect((await one({ autoLockMinutes: 7 }, lead.id))?.status).toBe('applied');
    expect((await one({ marketDays: '5·10' }, lead.id))?.status).toBe('applied');
    expect(latest(await pullAll(other), oldId)).toMatchObject({ autoLockMinutes: 7, marketDays: '5·10' });
  });
});
