// The engine as a whole against a fake server: modes, failure classification, backoff timers, triggers,
// one sync at a time under Web Locks, and nothing sent while unenrolled or in demo mode.
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../domain';
import { mutate } from '../db/mutate';
import { getMeta } from '../db/meta';
import { BACKOFF_CAP_MS } from './backoff';
import { DangolDb } from '../db/database';
import { withQuota } from '../../../tests/reliability/quota';
import { IDLE_INTERVAL_MS, NEW_WORK_DELAY_MS, WORK_INTERVAL_MS } from './scheduler';
import { enrolledDb, FakeLocks, FakeServer, makeEngine, stallFields } from './test-fakes';

const addStall = (db: Awaited<ReturnType<typeof enrolledDb>>, id: string) =>
  mutate(db, { entity: 'stall', id, fields: stallFields(id) as never });

// Waits for a condition with a generous deadline: a loaded CI machine can be slow, and this is no timing test.
const until = async (cond: () => boolean | Promise<boolean>) => {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`condition not met: ${String(cond)}`);
};

describe('sync engine', () => {
  it('pushes then pulls, records the last sync and goes online', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    await addStall(db, 's1');
    const { engine, timers } = makeEngine(db, server);
    const status = await engine.syncNow();
    expect(server.log.map((l) => l.path)).toEqual(['/api/sync/push', '/api/sync/pull']);
    expect(status).toMatchObject({ mode: 'online', syncing: false, pendingCount: 0, lastError: null });
    expect(status.lastSyncAt).toBe(await getMeta(db, 'lastSyncAt'));
    expect(timers.pending.size).toBe(0); // not started: no automatic timer
  });

  it("applies the pull after the push's last answers, though its request leaves before them", async () => {
    // Another tablet's later name for s1 is on the server; this tablet's own rename is still queued. The pull's
    // first request leaves as soon as the push is answered; if its page were applied while the rename was still in
    // the outbox, read-your-writes would keep this tablet's (older) name for good.
    const db = await enrolledDb();
    const server = new FakeServer();
    await addStall(db, 's1');
    await db.outbox.clear(); // the creation reached the server earlier
    const held = (await db.stalls.get('s1'))!;
    const { _clocks, ...data } = held;
    const later = formatHlc({ wall: Date.now() + 3_600_000, counter: 0 }, 'dOther');
    server.put('stall', 's1', { data: { ...data, name: '다른 태블릿 이름' }, clocks: { ..._clocks, name: later } });
    await mutate(db, { entity: 'stall', id: 's1', fields: { name: '이 태블릿 이름' } });
    const { engine } = makeEngine(db, server);
    const status = await engine.syncNow();
    expect(server.log.map((l) => l.path)).toEqual(['/api/sync/push', '/api/sync/pull']);
    expect(status).toMatchObject({ mode: 'online', pendingCount: 0 });
    expect((await db.stalls.get('s1'))?.name).toBe('다른 태블릿 이름');
  });

  it('sends nothing while not enrolled, or while the demo market is loaded', async () => {
    for (const opts of [{ enrolled: false }, { demo: true }]) {
      const db = await enrolledDb('m1', opts);
      const server = new FakeServer();
      await addStall(db, 's1');
      const { engine } = makeEngine(db, server);
      const status = await engine.syncNow();
      expect(server.log).toEqual([]);
      expect(status.mode).toBe('unenrolled');
      expect(status.pendingCount).toBe(1);
    }
  });

  it('classifies failures: network -> offline, 5xx -> error with backoff, all retried', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    await addStall(db, 's1');
    const { engine, timers } = makeEngine(db, server, { random: () => 1 });
    engine.start();
    server.script.push({ status: 0 });
    await until(() => engine.getStatus().retryAt !== null);
    expect(engine.getStatus()).toMatchObject({ mode: 'offline', lastError: { kind: 'network' }, pendingCount: 1 });
    expect(timers.delays()).toEqual([2_000]);
    server.script.push({ status: 503 });
    timers.fireAll();
    await until(() => server.log.length === 2 && engine.getStatus().retryAt !== null);
    expect(engine.getStatus().mode).toBe('error');
    expect(timers.delays()).toEqual([4_000]);
    timers.fireAll();
    await until(() => engine.getStatus().mode === 'online' && timers.pending.size === 1);
    expect(engine.getStatus().pendingCount).toBe(0);
    expect(timers.delays()).toEqual([IDLE_INTERVAL_MS]);
    engine.stop();
    expect(timers.pending.size).toBe(0);
  });

  it('caps the backoff and honours Retry-After on 429', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    await addStall(db, 's1');
    const { engine, timers } = makeEngine(db, server, { random: () => 1 });
    engine.start();
    // The first sync (push s1, pull) must be over before s2 is made, or it would carry s2 as well.
    await until(() => engine.getStatus().lastSyncAt !== null && engine.getStatus().pendingCount === 0);
    await until(() => !engine.getStatus().syncing && timers.pending.size === 1);
    await addStall(db, 's2');
    // Let the engine see the new change (its live count) and arm its timer before the test drives the clock.
    await until(
      () => engine.getStatus().pendingCount === 1 && !engine.getStatus().syncing && timers.pending.size === 1,
    );
    for (let i = 0; i < 12; i++) server.script.push({ status: 500 });
    const base = server.log.length;
    for (let i = 0; i < 12; i++) {
      await until(() => timers.pending.size === 1 && !engine.getStatus().syncing);
      timers.fireAll();
      await until(
        () => server.log.length === base + i + 1 && engine.getStatus().retryAt !== null && !engine.getStatus().syncing,
      );
    }
    expect(timers.delays()).toEqual([BACKOFF_CAP_MS]);
    server.script.push({ status: 429, headers: { 'Retry-After': '900' } });
    await until(() => timers.pending.size === 1 && !engine.getStatus().syncing);
    timers.fireAll();
    await until(
      () => server.log.length === base + 13 && engine.getStatus().retryAt !== null && !engine.getStatus().syncing,
    );
    expect(engine.getStatus().lastError?.kind).toBe('rate_limited');
    expect(timers.delays()).toEqual([900_000]);
    expect(engine.getStatus().retryAt).toBeGreaterThan(Date.now() + 800_000);
    expect(await db.outbox.count()).toBe(1);
    engine.stop();
  });

  it('stops on a revoked device and says so; another 401 asks to enroll again', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    const { engine, timers, network } = makeEngine(db, server);
    engine.start();
    server.script.push({ status: 401, body: { error: { code: 'device_revoked', message: 'revoked' } } });
    await until(() => engine.getStatus().mode === 'revoked');
    expect(timers.pending.size).toBe(0);
    network.emit('online');
    network.emit('visible');
    await new Promise((r) => setTimeout(r, 30));
    expect(server.log).toHaveLength(1);
    server.script.push({ status: 401, body: { error: { code: 'bad_token', message: 'no' } } });
    expect((await engine.syncNow()).mode).toBe('reauth');
    engine.stop();
  });

  it('shows a 403 on a pull as an error, and isolates a pushed change refused with 403', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    const { engine } = makeEngine(db, server);
    server.script.push({ status: 403, body: { error: { code: 'forbidden', message: 'Other market' } } });
    expect(await engine.syncNow()).toMatchObject({ mode: 'error', lastError: { kind: 'forbidden', status: 403 } });
    await addStall(db, 's1');
    await addStall(db, 's2');
    server.script.push({ status: 403, body: { error: { code: 'forbidden', message: 'Other market' } } });
    server.script.push({ status: 403, body: { error: { code: 'forbidden', message: 'Other market' } } });
    const status = await engine.syncNow();
    expect(status).toMatchObject({ mode: 'online', pendingCount: 0, needsAttention: 1 });
    expect(server.get('stall', 's2')).toBeDefined();
  });

  it('syncs on start, when the network returns, on return to the foreground and soon after a new change', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    const { engine, timers, network } = makeEngine(db, server);
    network.online = false;
    engine.start();
    await until(() => engine.getStatus().mode === 'offline');
    expect(server.log).toHaveLength(0);
    network.emit('online');
    await until(() => server.log.length === 1 && engine.getStatus().mode === 'online');
    network.emit('visible');
    await until(() => server.log.length === 2);
    await until(() => timers.delays()[0] === IDLE_INTERVAL_MS);
    await addStall(db, 's9');
    await until(() => timers.delays()[0] === NEW_WORK_DELAY_MS);
    timers.fireAll();
    await until(() => server.applied.size === 1);
    expect(WORK_INTERVAL_MS).toBeLessThan(IDLE_INTERVAL_MS);
    engine.stop();
  });

  it('lets one tab sync at a time under the Web Lock', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    await addStall(db, 's1');
    const locks = new FakeLocks();
    let open!: () => void;
    server.gate = new Promise((r) => (open = r));
    const tabA = makeEngine(db, server, { locks }).engine;
    const tabB = makeEngine(db, server, { locks }).engine;
    const a = tabA.syncNow();
    await until(() => server.log.length === 1);
    await tabB.syncNow(); // finds the lock taken: skips without a request
    expect(server.log).toHaveLength(1);
    open();
    await a;
    expect(server.log.map((l) => l.path)).toEqual(['/api/sync/push', '/api/sync/pull']);
    expect(server.applied.size).toBe(1);
  });

  it('pause holds automatic sync; resume runs it', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    const { engine, timers, network } = makeEngine(db, server);
    engine.start();
    // Wait for the first sync to be over (it re-arms the timer last), not just for the mode to read 'online'.
    await until(
      () => engine.getStatus().lastSyncAt !== null && !engine.getStatus().syncing && timers.pending.size === 1,
    );
    engine.pause();
    expect(engine.getStatus().mode).toBe('paused');
    expect(timers.pending.size).toBe(0);
    const before = server.log.length;
    network.emit('visible');
    await new Promise((r) => setTimeout(r, 20));
    expect(server.log.length).toBe(before);
    engine.resume();
    await until(() => server.log.length === before + 1 && engine.getStatus().mode === 'online');
    engine.stop();
  });
});

describe('sync engine on a full disk', () => {
  it('says the tablet is out of space (not a server error) when pulled records cannot be stored', async () => {
    const server = new FakeServer();
    const source = await enrolledDb();
    await addStall(source, 's-full');
    await makeEngine(source, server).engine.syncNow(); // another device's stall now waits on the server
    const ready = await enrolledDb();
    ready.close();
    const db = new DangolDb(ready.name);
    const quota = withQuota(db); // IndexedDB refuses writes to stalls, as a full disk does
    quota.full.add('stalls');
    const { engine } = makeEngine(db, server);
    const status = await engine.syncNow();
    expect(status.mode).toBe('error');
    expect(status.lastError?.kind).toBe('storage_full');
    expect(await getMeta(db, 'cursor')).toBeFalsy(); // nothing half-stored
    quota.full.clear();
    expect((await engine.syncNow()).mode).toBe('online');
    expect(await db.stalls.get('s-full')).toBeDefined();
  });
});
