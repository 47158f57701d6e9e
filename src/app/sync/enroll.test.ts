// Enrollment, and the tutor's choices on "needs attention": retry, keep my change, undo my change.
import { describe, expect, it } from 'vitest';
import { getMeta, setMeta } from '../db/meta';
import { mutate } from '../db/mutate';
import { listNeedsAttention } from '../db/repos/sync-attention-repo';
import { EnrollError } from './enroll';
import { enrolledDb, FakeServer, makeEngine, stallFields } from './test-fakes';

const GRANT = { deviceId: 'dev1', token: 'tok-abcdefghijklmnopqrstuvwxyz', marketId: 'm1', marketName: '망원시장' };

describe('enrollment', () => {
  it('stores the token and market, then pulls the market', async () => {
    const db = await enrolledDb('m-local', { enrolled: false });
    const server = new FakeServer();
    server.put('stall', 's1', {
      data: {
        ...stallFields('서버 가게'),
        id: 's1',
        marketId: 'm1',
        updatedAt: new Date().toISOString(),
        updatedBy: null,
      },
      clocks: { name: '1700000000000-000000-dX' },
    });
    server.script.push({ status: 200, body: GRANT });
    const { engine } = makeEngine(db, server);
    const res = await engine.enroll({ code: 'ABCD-1234', deviceName: '1번 태블릿', serverUrl: 'http://fake/' });
    expect(res).toMatchObject({ marketId: 'm1', marketName: '망원시장', wipedDemo: false });
    expect(await getMeta(db, 'token')).toBe(GRANT.token);
    expect(await getMeta(db, 'serverUrl')).toBe('http://fake');
    expect(await getMeta(db, 'enrolled')).toBe(true);
    expect((await db.stalls.get('s1'))?.name).toBe('서버 가게');
    expect(engine.getStatus().mode).toBe('online');
    expect(server.log[0]).toMatchObject({ method: 'POST', path: '/api/enroll' });
  });

  it('asks before dropping demo data, then removes it and never sends demo changes', async () => {
    const db = await enrolledDb('m-demo', { enrolled: false, demo: true });
    await mutate(db, { entity: 'stall', id: 'demo1', fields: stallFields('체험 가게') as never });
    const server = new FakeServer();
    const { engine } = makeEngine(db, server);
    await expect(engine.enroll({ code: 'ABCD-1234', deviceName: '태블릿' })).rejects.toMatchObject({
      kind: 'demo_unconfirmed',
    });
    expect(server.log).toEqual([]);
    server.script.push({ status: 200, body: GRANT });
    const res = await engine.enroll({
      code: 'ABCD-1234',
      deviceName: '태블릿',
      serverUrl: 'http://fake',
      discardDemo: true,
    });
    expect(res.wipedDemo).toBe(true);
    expect(await db.stalls.get('demo1')).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db, 'demo')).toBe(false);
    expect(server.log.some((l) => l.path === '/api/sync/push')).toBe(false);
  });

  it.each([
    [{ status: 404, body: { error: { code: 'invalid_code', message: 'Unknown or expired code' } } }, 'invalid_code'],
    [{ status: 429, headers: { 'Retry-After': '60' } }, 'rate_limited'],
    [{ status: 0 }, 'unreachable'],
    [{ status: 502 }, 'server'],
  ])('says clearly what went wrong (%j) and stores nothing', async (scripted, kind) => {
    const db = await enrolledDb('m-local', { enrolled: false });
    const server = new FakeServer();
    server.script.push(scripted);
    const { engine } = makeEngine(db, server);
    const err = await engine
      .enroll({ code: 'ABCD-1234', deviceName: '태블릿', serverUrl: 'http://fake' })
      .catch((e) => e);
    expect(err).toBeInstanceOf(EnrollError);
    expect(err.kind).toBe(kind);
    expect(await getMeta(db, 'token')).toBeUndefined();
    expect(engine.getStatus().mode).toBe('unenrolled');
  });

  it('refuses a malformed code or server address without a request', async () => {
    const db = await enrolledDb('m-local', { enrolled: false });
    const server = new FakeServer();
    const { engine } = makeEngine(db, server);
    await expect(engine.enroll({ code: 'x', deviceName: '태블릿' })).rejects.toMatchObject({ kind: 'bad_input' });
    await expect(
      engine.enroll({ code: 'ABCD-1234', deviceName: '태블릿', serverUrl: 'ftp://x' }),
    ).rejects.toMatchObject({
      kind: 'bad_server_url',
    });
    expect(server.log).toEqual([]);
  });
});

describe('needs attention: the tutor decides', () => {
  async function rejectedStallEdit() {
    const db = await enrolledDb();
    const server = new FakeServer();
    await mutate(db, { entity: 'stall', id: 's1', fields: stallFields('원래 이름') as never });
    const { engine } = makeEngine(db, server);
    await engine.syncNow();
    await mutate(db, { entity: 'stall', id: 's1', fields: { name: '거절될 이름', floor: '2' } });
    await mutate(db, { entity: 'stall', id: 's1', fields: { floor: '3' } });
    const [bad] = await db.outbox.orderBy('seq').toArray();
    server.rejectIds.add(bad!.changeId);
    const status = await engine.syncNow();
    expect(status.needsAttention).toBe(1);
    const [entry] = await listNeedsAttention(db);
    return { db, server, engine, seq: entry!.seq! };
  }

  it('retry sends the change again under a new id', async () => {
    const { db, server, engine, seq } = await rejectedStallEdit();
    await engine.retryRejected(seq);
    expect(await listNeedsAttention(db)).toEqual([]);
    const status = await engine.syncNow();
    expect(status).toMatchObject({ pendingCount: 0, needsAttention: 0 });
    expect(server.get('stall', 's1')?.data.name).toBe('거절될 이름');
  });

  it('keep my change removes it from the list and leaves the tablet as it is', async () => {
    const { db, engine, seq } = await rejectedStallEdit();
    await engine.discardRejected(seq, { rollback: false });
    expect(await listNeedsAttention(db)).toEqual([]);
    expect((await db.stalls.get('s1'))?.name).toBe('거절될 이름');
  });

  it('undo my change restores the earlier values, but not fields changed later', async () => {
    const { db, server, engine, seq } = await rejectedStallEdit();
    await engine.discardRejected(seq, { rollback: true });
    const row = await db.stalls.get('s1');
    expect(row?.name).toBe('원래 이름');
    expect(row?.floor).toBe('3');
    expect(server.get('stall', 's1')?.data.floor).toBe('3');
    expect(engine.getStatus().needsAttention).toBe(0);
  });

  it('undo of a rejected new record removes it from the tablet', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    await setMeta(db, 'tutorId', 't1');
    await mutate(db, { entity: 'stall', id: 'sNew', fields: stallFields('새 가게') as never });
    const [entry] = await db.outbox.toArray();
    server.rejectIds.add(entry!.changeId);
    const { engine } = makeEngine(db, server);
    await engine.syncNow();
    const [rej] = await listNeedsAttention(db);
    await engine.discardRejected(rej!.seq!, { rollback: true });
    expect(await db.stalls.get('sNew')).toBeUndefined();
  });
});
