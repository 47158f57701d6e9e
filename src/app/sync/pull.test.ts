// Pull against a fake server: pages, cursor stored with the data, read-your-writes, clock received.
import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc, type HlcState } from '../../domain';
import { getMeta } from '../db/meta';
import { mutate } from '../db/mutate';
import { pullAll } from './pull';
import { enrolledDb, FakeServer, stallFields } from './test-fakes';
import type { DangolDb } from '../db/database';

const ctx = (db: DangolDb, server: FakeServer, pageSize = 500) => ({
  deps: { db, fetch: server.fetch, now: Date.now },
  serverUrl: 'http://fake',
  token: 'tok-0123456789abcdefghij',
  pageSize,
});

const FUTURE = formatHlc({ wall: Date.now() + 3_600_000, counter: 7 }, 'dOther');

function serverStall(server: FakeServer, id: string, name: string, clock = FUTURE) {
  const data = { ...stallFields(name), id, marketId: 'm1', updatedAt: new Date().toISOString(), updatedBy: null };
  const clocks = Object.fromEntries(Object.keys(data).map((k) => [k, clock]));
  server.put('stall', id, { data, clocks });
}

describe('pull', () => {
  it('pulls every page until hasMore is false and stores the cursor', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    for (let i = 0; i < 25; i++) serverStall(server, `s${i}`, `가게${i}`);
    const out = await pullAll(ctx(db, server, 10));
    expect(out).toEqual({ ok: true, records: 25, pages: 3 });
    expect(await db.stalls.count()).toBe(25);
    expect(await getMeta(db, 'cursor')).toBe(25);
    const pulls = server.log.map((l) => l.path);
    expect(pulls).toEqual(['/api/sync/pull', '/api/sync/pull', '/api/sync/pull']);
  });

  it('stores the cursor together with the page it belongs to: a failure mid-way resumes there', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    for (let i = 0; i < 25; i++) serverStall(server, `s${i}`, `가게${i}`);
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls += 1;
      if (calls === 2) throw new TypeError('Failed to fetch');
      return server.fetch(input, init);
    };
    const out = await pullAll({ ...ctx(db, server, 10), deps: { db, fetch: flaky, now: Date.now } });
    expect(out).toMatchObject({ ok: false, retryable: true, error: { kind: 'network' } });
    expect(await db.stalls.count()).toBe(10);
    expect(await getMeta(db, 'cursor')).toBe(10);
    await pullAll(ctx(db, server, 10));
    expect(await db.stalls.count()).toBe(25);
  });

  it('never reverts a local change still in the outbox (read-your-writes)', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    await mutate(db, { entity: 'stall', id: 's1', fields: stallFields('처음 이름') as never });
    await db.outbox.clear(); // the creation reached the server earlier
    await mutate(db, { entity: 'stall', id: 's1', fields: { name: '내가 고친 이름' } });
    serverStall(server, 's1', '서버의 이름');
    await pullAll(ctx(db, server));
    const row = await db.stalls.get('s1');
    expect(row?.name).toBe('내가 고친 이름');
    // a field not pending locally does take the newer server value
    expect(row?._clocks.building).toBe(FUTURE);
  });

  it('takes newer server values and moves the local clock past what it saw', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    await mutate(db, { entity: 'stall', id: 's1', fields: stallFields('옛 이름') as never });
    await db.outbox.clear();
    serverStall(server, 's1', '새 이름');
    await pullAll(ctx(db, server));
    expect((await db.stalls.get('s1'))?.name).toBe('새 이름');
    const hlc = await getMeta<HlcState>(db, 'hlc');
    expect(hlc!.wall).toBeGreaterThanOrEqual(parseHlc(FUTURE).wall);
    // a later local edit sorts after what was seen, so it wins on every replica
    const row = await mutate(db, { entity: 'stall', id: 's1', fields: { name: '다시 고침' } });
    expect(row._clocks.name! > FUTURE).toBe(true);
  });
});
