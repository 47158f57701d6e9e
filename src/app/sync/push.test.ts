// The outbox drain against a fake server: order, batches, rejections, bisecting a bad batch, lost responses.
import { describe, expect, it } from 'vitest';
import { mutate } from '../db/mutate';
import type { DangolDb } from '../db/database';
import { listNeedsAttention } from '../db/repos/sync-attention-repo';
import { formatHlc } from '../../domain';
import { drainOutbox } from './push';
import { enrolledDb, FakeServer, stallFields } from './test-fakes';

const ctx = (db: DangolDb, server: FakeServer, batchSize?: number) => ({
  deps: { db, fetch: server.fetch, now: Date.now },
  serverUrl: 'http://fake',
  token: 'tok-0123456789abcdefghij',
  ...(batchSize ? { batchSize } : {}),
});

async function addStalls(db: DangolDb, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    await mutate(db, { entity: 'stall', id: `s${i}`, fields: stallFields(`가게${i}`) as never });
  }
  for (const e of await db.outbox.orderBy('seq').toArray()) ids.push(e.changeId);
  return ids;
}

describe('push: draining the outbox', () => {
  it('sends every change once, in seq order, in batches, and empties the queue', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    const ids = await addStalls(db, 45);
    const out = await drainOutbox(ctx(db, server, 20));
    expect(out).toEqual({ ok: true, pushed: 45, rejected: 0 });
    const pushes = server.log.filter((l) => l.path === '/api/sync/push');
    expect(pushes.map((p) => p.changes?.length)).toEqual([20, 20, 5]);
    expect(pushes.flatMap((p) => p.changes)).toEqual(ids);
    expect(await db.outbox.count()).toBe(0);
    expect(server.applied.size).toBe(45);
  });

  it('moves a rejected change to needs attention with the reason, and the rest goes on', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    const ids = await addStalls(db, 3);
    server.rejectIds.add(ids[1]!);
    const out = await drainOutbox(ctx(db, server));
    expect(out).toMatchObject({ ok: true, pushed: 2, rejected: 1 });
    expect(await db.outbox.count()).toBe(0);
    const attention = await listNeedsAttention(db);
    expect(attention).toHaveLength(1);
    expect(attention[0]).toMatchObject({
      changeId: ids[1],
      reason: 'Not allowed',
      reasonKo: '허용되지 않음',
      code: 'forbidden',
    });
    expect(server.get('stall', 's2')?.data.name).toBe('가게2');
  });

  it('finds the one bad change in a batch the server refuses as a whole (400), and sends the others', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    const ids = await addStalls(db, 8);
    server.poisonIds.add(ids[5]!);
    const out = await drainOutbox(ctx(db, server));
    expect(out).toMatchObject({ ok: true, pushed: 7, rejected: 1 });
    const attention = await listNeedsAttention(db);
    expect(attention.map((a) => a.changeId)).toEqual([ids[5]]);
    expect(attention[0]?.reasonKo).toBe('잘못된 변경');
    expect([...server.applied]).toEqual(ids.filter((_, i) => i !== 5));
  });

  it('sends fewer changes per push when the body would pass the server limit (no 413 round trip)', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    // 120 stalls whose landmark is padded to ≈ 27 kB each: ≈ 3.2 MB together, over MAX_BODY_BYTES (2 MiB).
    const pad = '가'.repeat(9000);
    for (let i = 0; i < 120; i++) {
      const changeId = crypto.randomUUID();
      await db.outbox.add({
        changeId,
        entity: 'stall',
        recordId: `big${i}`,
        change: {
          changeId,
          entity: 'stall',
          recordId: `big${i}`,
          op: 'put',
          fields: { landmark: pad },
          clock: formatHlc({ wall: 1000 + i, counter: 0 }, 'dev'),
          base: null,
          tutorId: null,
          at: new Date().toISOString(),
        },
        prev: {},
        attempts: 0,
        lastError: null,
      });
    }
    const out = await drainOutbox(ctx(db, server));
    // (the fake server rejects them one by one: a stall needs more than a landmark; none is lost)
    expect(out).toEqual({ ok: true, pushed: 0, rejected: 120 });
    const pushes = server.log.filter((l) => l.path === '/api/sync/push').map((l) => l.changes?.length);
    expect(pushes).toEqual([60, 60]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps the queue on a retryable failure and counts the attempt', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    await addStalls(db, 2);
    server.script.push({ status: 503 });
    const out = await drainOutbox(ctx(db, server));
    expect(out).toMatchObject({ ok: false, retryable: true, error: { kind: 'server', status: 503 } });
    const queued = await db.outbox.toArray();
    expect(queued).toHaveLength(2);
    expect(queued.every((e) => e.attempts === 1 && e.lastError === 'HTTP 503')).toBe(true);
  });

  it('applies a push once when its response was lost and it is sent again', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    const ids = await addStalls(db, 3);
    server.script.push({ status: 200, loseResponse: true });
    const first = await drainOutbox(ctx(db, server));
    expect(first).toMatchObject({ ok: false, retryable: true, error: { kind: 'network' } });
    expect(server.applied.size).toBe(3);
    expect(await db.outbox.count()).toBe(3);
    const seqBefore = server.seq;
    const second = await drainOutbox(ctx(db, server));
    expect(second).toMatchObject({ ok: true, pushed: 3 });
    expect(server.seq).toBe(seqBefore); // duplicates changed nothing on the server
    expect(await db.outbox.count()).toBe(0);
    expect(server.log.filter((l) => l.path === '/api/sync/push').map((l) => l.changes)).toEqual([ids, ids]);
  });
});
