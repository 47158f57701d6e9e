// The outbox drain against a fake server: order, batches, rejections, bisecting a bad batch, lost responses.
import { describe, expect, it } from 'vitest';
import { mutate } from '../db/mutate';
import type { DangolDb } from '../db/database';
import { listNeedsAttention } from '../db/repos/sync-attention-repo';
import { formatHlc } from '../../domain';
import { drainOutbox, FIRST_PUSH_BATCH, PUSH_BATCH } from './push';
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

  it('starts a drain with a small batch, then sends full ones', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    const ids = await addStalls(db, FIRST_PUSH_BATCH + 40);
    const out = await drainOutbox(ctx(db, server));
    expect(out).toEqual({ ok: true, pushed: FIRST_PUSH_BATCH + 40, rejected: 0 });
    const pushes = server.log.filter((l) => l.path === '/api/sync/push');
    expect(pushes.map((p) => p.changes?.length)).toEqual([FIRST_PUSH_BATCH, 40]);
    expect(pushes.flatMap((p) => p.changes)).toEqual(ids);
    expect(FIRST_PUSH_BATCH).toBeLessThan(PUSH_BATCH);
  });

  it('lets each batch of a long drain be at most twice the one before, up to a full batch', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    const n = FIRST_PUSH_BATCH * 3 + PUSH_BATCH * 2 + 40;
    const ids = await addStalls(db, n);
    const out = await drainOutbox(ctx(db, server));
    expect(out).toEqual({ ok: true, pushed: n, rejected: 0 });
    const sizes = server.log.filter((l) => l.path === '/api/sync/push').map((p) => p.changes?.length ?? 0);
    expect(sizes.slice(0, 2)).toEqual([FIRST_PUSH_BATCH, 2 * FIRST_PUSH_BATCH]);
    expect(sizes.slice(2, 4)).toEqual([PUSH_BATCH, PUSH_BATCH]);
    for (let k = 1; k < sizes.length; k++) expect(sizes[k]).toBeLessThanOrEqual(2 * sizes[k - 1]!);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
    expect(server.log.filter((l) => l.path === '/api/sync/push').flatMap((p) => p.changes)).toEqual(ids);
  });

  it('says when every change is answered, before the last answers are applied', async () => {
    const db = await enrolledDb();
    const server = new FakeServer();
    await addStalls(db, 5);
    let queuedThen = -1;
    const out = await drainOutbox({
      ...ctx(db, server, 2),
      onDrained: () => {
        queuedThen = server.log.length;
      },
    });
    expect(out).toEqual({ ok: true, pushed: 5, rejected: 0 });
    expect(queuedThen).toBe(3); // after the third and last push, not before
    expect(await db.outbox.count()).toBe(0);
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

  describe('pipelined: the next batch is read and sent while one is in flight, two pushes at most', () => {
    /** Wraps the fake server's fetch: each push answers after `ms`, and the wrapper counts pushes in flight. */
    function slowPushes(server: FakeServer, ms: number) {
      const seen = { inFlight: 0, maxInFlight: 0, queuedAtArrival: [] as number[] };
      const inner = server.fetch;
      const wrapped: typeof fetch = async (input, init) => {
        if (!String(input).endsWith('/api/sync/push')) return inner(input, init);
        seen.inFlight += 1;
        seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
        try {
          await new Promise((r) => setTimeout(r, ms));
          return await inner(input, init);
        } finally {
          seen.inFlight -= 1;
        }
      };
      return { seen, fetch: wrapped };
    }

    it("keeps at most two pushes in flight, the second naming the first's last change, in seq order", async () => {
      const db = await enrolledDb();
      const server = new FakeServer();
      const ids = await addStalls(db, 23);
      const slow = slowPushes(server, 15);
      const out = await drainOutbox({ ...ctx(db, server, 5), deps: { db, fetch: slow.fetch, now: Date.now } });
      expect(out).toEqual({ ok: true, pushed: 23, rejected: 0 });
      expect(slow.seen.maxInFlight).toBe(2);
      const pushes = server.log.filter((l) => l.path === '/api/sync/push');
      expect(pushes.map((p) => p.changes?.length)).toEqual([5, 5, 5, 5, 3]);
      expect(pushes.flatMap((p) => p.changes)).toEqual(ids);
      // Every push sent while another flew names that one's last change; the server applied them in order.
      for (const [i, p] of pushes.entries()) if (p.after) expect(p.after).toBe(pushes[i - 1]?.changes?.at(-1));
      expect(pushes.filter((p) => p.after).length).toBeGreaterThan(0);
      expect([...server.applied]).toEqual(ids);
      expect(await db.outbox.count()).toBe(0);
    });

    it('sends a push again when it reached the server before the one ahead of it (409), keeping seq order', async () => {
      const db = await enrolledDb();
      const server = new FakeServer();
      const ids = await addStalls(db, 8);
      const inner = server.fetch;
      let pushes = 0;
      // The first push is slow on the way in: the second one, sent meanwhile, arrives first.
      const firstIsSlow: typeof fetch = async (input, init) => {
        if (String(input).endsWith('/api/sync/push') && ++pushes === 1) await new Promise((r) => setTimeout(r, 40));
        return inner(input, init);
      };
      const out = await drainOutbox({ ...ctx(db, server, 4), deps: { db, fetch: firstIsSlow, now: Date.now } });
      expect(out).toEqual({ ok: true, pushed: 8, rejected: 0 });
      const log = server.log.filter((l) => l.path === '/api/sync/push').map((l) => l.changes);
      expect(log).toEqual([ids.slice(4), ids.slice(0, 4), ids.slice(4)]); // refused first, sent again after
      expect([...server.applied]).toEqual(ids);
      expect(await db.outbox.count()).toBe(0);
    });

    it('when the oldest push fails, the one behind it is not applied: both wait, in order', async () => {
      const db = await enrolledDb();
      const server = new FakeServer();
      await addStalls(db, 8);
      const inner = server.fetch;
      let pushes = 0;
      const firstFails: typeof fetch = async (input, init) => {
        if (String(input).endsWith('/api/sync/push') && ++pushes === 1) {
          await new Promise((r) => setTimeout(r, 40));
          server.script.unshift({ status: 503 });
        }
        return inner(input, init);
      };
      const out = await drainOutbox({ ...ctx(db, server, 4), deps: { db, fetch: firstFails, now: Date.now } });
      expect(out).toMatchObject({ ok: false, retryable: true, error: { status: 503 } });
      expect(server.log.filter((l) => l.path === '/api/sync/push')).toHaveLength(2);
      expect(server.applied.size).toBe(0);
      expect(await db.outbox.count()).toBe(8);
    });

    it('sends changes queued while a batch is in flight after it, in seq order, and loses none', async () => {
      const db = await enrolledDb();
      const server = new FakeServer();
      await addStalls(db, 6);
      const inner = server.fetch;
      let added = 0;
      const fetchWhileTyping: typeof fetch = async (input, init) => {
        // Counted before the save: two pushes may be on their way at once.
        const k = String(input).endsWith('/api/sync/push') ? added++ : 3;
        if (k < 3) {
          // A tutor saves another stall while this push is on its way.
          await mutate(db, { entity: 'stall', id: `late${k}`, fields: stallFields(`늦은${k}`) as never });
        }
        return inner(input, init);
      };
      const out = await drainOutbox({ ...ctx(db, server, 4), deps: { db, fetch: fetchWhileTyping, now: Date.now } });
      expect(out).toMatchObject({ ok: true, pushed: 9, rejected: 0 });
      const sent = server.log.filter((l) => l.path === '/api/sync/push').flatMap((p) => p.changes ?? []);
      expect(new Set(sent).size).toBe(9);
      expect(server.get('stall', 'late2')?.data.name).toBe('늦은2');
      expect(await db.outbox.count()).toBe(0);
    });

    it('on a failure after a good batch: the good batch has left the queue, the failed one and the rest wait', async () => {
      const db = await enrolledDb();
      const server = new FakeServer();
      const ids = await addStalls(db, 9);
      const inner = server.fetch;
      let pushes = 0;
      const secondFails: typeof fetch = async (input, init) => {
        if (String(input).endsWith('/api/sync/push') && ++pushes === 2) server.script.push({ status: 503 });
        return inner(input, init);
      };
      const out = await drainOutbox({ ...ctx(db, server, 3), deps: { db, fetch: secondFails, now: Date.now } });
      expect(out).toMatchObject({ ok: false, retryable: true, error: { status: 503 } });
      const left = await db.outbox.orderBy('seq').toArray();
      expect(left.map((e) => e.changeId)).toEqual(ids.slice(3));
      expect(left.map((e) => e.attempts)).toEqual([1, 1, 1, 0, 0, 0]);
      expect([...server.applied]).toEqual(ids.slice(0, 3));
    });

    it('sends a change the server left unanswered again before anything later', async () => {
      const db = await enrolledDb();
      const server = new FakeServer();
      const ids = await addStalls(db, 6);
      const inner = server.fetch;
      let dropped = false;
      const forgetful: typeof fetch = async (input, init) => {
        const res = await inner(input, init);
        if (dropped || !String(input).endsWith('/api/sync/push')) return res;
        dropped = true;
        const body = (await res.json()) as { results: { changeId: string }[]; serverSeq: number };
        // The answer to the first batch leaves out its last change.
        body.results = body.results.filter((r) => r.changeId !== ids[2]);
        return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
      };
      const out = await drainOutbox({ ...ctx(db, server, 3), deps: { db, fetch: forgetful, now: Date.now } });
      expect(out).toMatchObject({ ok: true, pushed: 6, rejected: 0 });
      const pushes = server.log.filter((l) => l.path === '/api/sync/push').map((p) => p.changes);
      expect(pushes[0]).toEqual(ids.slice(0, 3));
      expect(pushes[1]?.[0]).toBe(ids[2]);
      expect(pushes.flat().filter((id) => id !== ids[2])).toEqual(ids.filter((id) => id !== ids[2]));
      expect(await db.outbox.count()).toBe(0);
    });

    it('still narrows down a batch refused as a whole in the middle of a drain', async () => {
      const db = await enrolledDb();
      const server = new FakeServer();
      const ids = await addStalls(db, 10);
      server.poisonIds.add(ids[7]!);
      const out = await drainOutbox(ctx(db, server, 4));
      expect(out).toMatchObject({ ok: true, pushed: 9, rejected: 1 });
      expect((await listNeedsAttention(db)).map((a) => a.changeId)).toEqual([ids[7]]);
      expect([...server.applied]).toEqual(ids.filter((_, i) => i !== 7));
      expect(await db.outbox.count()).toBe(0);
    });
  });
});
