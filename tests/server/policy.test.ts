// @vitest-environment node
// Lead-only actions are enforced by the server (issue 4.7), on each engine: a tutor cannot change another
// tutor's role or unlock a profile; a lead can; a tutor sets their own PIN; anyone may lock a profile.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tutor } from '../../src/domain';
import { createTutor } from '../../src/server/admin/commands';
import { enroll, engines, latest, pullAll, useServer, type TestDevice } from './harness';

describe.each(engines('server-side policy suite'))('policy on %s', (engine) => {
  const fx = useServer(engine);
  let dev: TestDevice;
  let lead: Tutor;
  let tutor: Tutor;
  let other: Tutor;

  beforeAll(async () => {
    const { server, marketId } = fx.get();
    lead = await createTutor(server.storage, { marketId, name: '리드', role: 'lead' });
    tutor = await createTutor(server.storage, { marketId, name: '튜터', role: 'tutor' });
    other = await createTutor(server.storage, { marketId, name: '다른튜터', role: 'tutor' });
    dev = await enroll(server, marketId, 'lounge');
  });

  async function one(input: Parameters<TestDevice['change']>[0]) {
    const res = await dev.pushOk([dev.change(input)]);
    return res.results[0];
  }

  it("refuses a tutor changing another tutor's role (forbidden, 403), and lets a lead do it", async () => {
    const refused = await one({ entity: 'tutor', recordId: other.id, fields: { role: 'lead' }, tutorId: tutor.id });
    expect(refused).toMatchObject({ status: 'rejected', code: 'forbidden', httpStatus: 403 });
    expect(refused?.reason).toMatch(/lead/i);
    expect(refused?.reasonKo).toMatch(/리드/);
    expect(latest(await pullAll(dev), other.id)).toMatchObject({ role: 'tutor' });

    const allowed = await one({ entity: 'tutor', recordId: other.id, fields: { role: 'lead' }, tutorId: lead.id });
    expect(allowed?.status).toBe('applied');
    expect(latest(await pullAll(dev), other.id)).toMatchObject({ role: 'lead' });
  });

  it('lets a tutor set their own PIN but not reset another tutor’s', async () => {
    const pin = { pinHash: 'aGFzaA', pinSalt: 'c2FsdA', pinIterations: 310000 };
    expect((await one({ entity: 'tutor', recordId: tutor.id, fields: pin, tutorId: tutor.id }))?.status).toBe(
      'applied',
    );
    const reset = await one({ entity: 'tutor', recordId: lead.id, fields: pin, tutorId: tutor.id });
    expect(reset).toMatchObject({ status: 'rejected', code: 'forbidden' });
  });

  it('lets anyone lock a profile, but only a lead unlock it', async () => {
    expect((await one({ entity: 'tutor', recordId: tutor.id, fields: { locked: true }, tutorId: null }))?.status).toBe(
      'applied',
    );
    const selfUnlock = await one({ entity: 'tutor', recordId: tutor.id, fields: { locked: false }, tutorId: tutor.id });
    expect(selfUnlock).toMatchObject({ status: 'rejected', code: 'forbidden' });
    const leadUnlock = await one({ entity: 'tutor', recordId: tutor.id, fields: { locked: false }, tutorId: lead.id });
    expect(leadUnlock?.status).toBe('applied');
  });

  it('refuses creating tutors and changing the market without a lead, and unknown authors', async () => {
    const newTutor = {
      updatedAt: new Date().toISOString(),
      updatedBy: null,
      deleted: false,
      name: '새튜터',
      role: 'tutor',
      active: true,
      pinHash: null,
      pinSalt: null,
      pinIterations: 0,
      locked: false,
    };
    expect(await one({ entity: 'tutor', recordId: 't-new', fields: newTutor, tutorId: tutor.id })).toMatchObject({
      code: 'forbidden',
    });
    expect((await one({ entity: 'tutor', recordId: 't-new', fields: newTutor, tutorId: lead.id }))?.status).toBe(
      'applied',
    );
    const rename = { entity: 'market' as const, recordId: fx.get().marketId, fields: { autoLockMinutes: 10 } };
    expect(await one({ ...rename, tutorId: tutor.id })).toMatchObject({ code: 'forbidden' });
    expect((await one({ ...rename, tutorId: lead.id }))?.status).toBe('applied');
    const stranger = await one({ entity: 'tutor', recordId: tutor.id, fields: { locked: true }, tutorId: 'nobody' });
    expect(stranger).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
      reason: expect.stringMatching(/not a tutor/),
    });
  });
});
