// @vitest-environment node
// The sync protocol against a real server on each storage engine: push applies once, batches are all or
// nothing, rejections are kept and the rest goes on, per-field merge, note conflict copies, delete rule,
// paging without skips, and market isolation.
import { describe, expect, it } from 'vitest';
import { conflictCopyId, type Change, type PushResponse } from '../../src/domain';
import { createMarket } from '../../src/server/admin/commands';
import { enroll, engines, latest, noteFields, pullAll, stallFields, useServer, type TestDevice } from './harness';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(engines('sync protocol suite (push/pull, merge, isolation)'))('sync protocol on %s', (engine) => {
  const fx = useServer(engine);
  const device = (name: string): Promise<TestDevice> => enroll(fx.get().server, fx.get().marketId, name);

  it('applies a pushed change and serves it on pull', async () => {
    const a = await device('A');
    const res = await a.pushOk([a.change({ entity: 'stall', recordId: 'p-s1', fields: stallFields('바다수산') })]);
    expect(res.results[0]?.status).toBe('applied');
    const records = await pullAll(a);
    expect(latest(records, 'p-s1')).toMatchObject({ name: '바다수산', marketId: fx.get().marketId });
    expect(res.serverSeq).toBe(Math.max(...records.map((r) => r.seq)));
  });

  it('applies a change pushed twice (lost response, retried) exactly once, with one audit row', async () => {
    const a = await device('A');
    const c = a.change({ entity: 'stall', recordId: 'p-dup', fields: stallFields('중복상회') });
    const first = await a.pushOk([c]);
    const seqAfterFirst = first.serverSeq;
    const second = await a.pushOk([c]);
    expect(first.results[0]?.status).toBe('applied');
    expect(second.results[0]?.status).toBe('duplicate');
    expect(second.serverSeq).toBe(seqAfterFirst);
    // Its audit row is the one record of the applied change (migration 0002): none in applied_changes.
    expect(await fx.get().server.storage.countAudit(fx.get().marketId, c.changeId)).toBe(1);
    const applied = await fx.get().server.storage.dumpTable('applied_changes');
    expect(applied.filter((r) => r.change_id === c.changeId)).toHaveLength(0);
  });

  it('rolls the whole batch back when something unexpected fails mid-batch, and applies it on retry', async () => {
    const a = await device('A');
    const batch = ['p-ok1', 'p-boom', 'p-ok2'].map((id) =>
      a.change({ entity: 'stall', recordId: id, fields: stallFields(id) }),
    );
    const { storage } = fx.get().server;
    storage.hooks.beforeRecordWrite = (_entity, id) => {
      if (id === 'p-boom') throw new Error('injected failure');
    };
    try {
      const res = await a.push(batch);
      expect(res.status).toBe(500);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('internal');
    } finally {
      storage.hooks.beforeRecordWrite = undefined;
    }
    const after = await pullAll(a);
    expect(after.map((r) => r.id)).not.toContain('p-ok1');
    const applied = await storage.dumpTable('applied_changes');
    expect(applied.map((r) => r.change_id)).not.toContain(batch[0]?.changeId);
    expect(await storage.countAudit(fx.get().marketId, batch[0]!.changeId)).toBe(0);

    const retry = await a.pushOk(batch);
    expect(retry.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
  });

  it('applies a push that names the change before it only once that one is answered (409 out_of_order)', async () => {
    const a = await device('A');
    const first = [a.change({ entity: 'stall', recordId: 'p-o1', fields: stallFields('먼저') })];
    const second = [a.change({ entity: 'stall', recordId: 'p-o2', fields: stallFields('나중') })];
    // The second push arrives before the first: refused whole, nothing applied.
    const early = await a.push(second, first[0]!.changeId);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe('out_of_order');
    expect((await pullAll(a)).map((r) => r.id)).not.toContain('p-o2');
    // Once the first is applied, the same second push goes through.
    expect((await a.pushOk(first)).results[0]?.status).toBe('applied');
    expect((await a.pushOk(second, first[0]!.changeId)).results[0]?.status).toBe('applied');
    // A change answered by a refusal counts as answered too.
    const refused = a.change({
      entity: 'stall',
      recordId: 'p-o3',
      fields: { ...stallFields('틀림'), category: '우주선' },
    });
    expect((await a.pushOk([refused])).results[0]?.status).toBe('rejected');
    const third = [a.change({ entity: 'stall', recordId: 'p-o4', fields: stallFields('셋째') })];
    expect((await a.pushOk(third, refused.changeId)).results[0]?.status).toBe('applied');
  });

  /**
   * A push whose headers reach the server now and whose body is held back until `release()` (a slow upload on the
   * market's Wi-Fi): the server counts it as open from its headers on.
   */
  async function heldPush(a: TestDevice, changes: Change[], after?: string) {
    const body = new TextEncoder().encode(JSON.stringify(after === undefined ? { changes } : { changes, after }));
    let release!: () => void;
    const rest = new Promise<void>((resolve) => (release = resolve));
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(body.slice(0, 8));
        await rest;
        controller.enqueue(body.slice(8));
        controller.close();
      },
    });
    const response = fetch(`${fx.get().server.url}/api/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    // The headers are in and the body has started.
    await sleep(300);
    return { response, release };
  }

  /** 'waiting' while the push is still unanswered 300 ms on. */
  const stillWaiting = (res: Promise<Response>) =>
    Promise.race([res.then(() => 'answered'), sleep(300).then(() => 'waiting')]);

  /** Both pushes answered 200 with their one change applied, the second after the first. */
  async function expectAppliedInOrder(first: Response, second: Response) {
    expect([first.status, second.status]).toEqual([200, 200]);
    const results = [(await first.json()) as PushResponse, (await second.json()) as PushResponse];
    expect(results.map((r) => r.results[0]?.status)).toEqual(['applied', 'applied']);
    expect(results[1]!.serverSeq).toBeGreaterThan(results[0]!.serverSeq);
  }

  it('holds a push whose named change is still arriving in the push before it, instead of refusing it', async () => {
    const a = await device('A');
    const first = [a.change({ entity: 'stall', recordId: 'p-w1', fields: stallFields('천천히') })];
    const second = [a.change({ entity: 'stall', recordId: 'p-w2', fields: stallFields('바로') })];
    const slow = await heldPush(a, first);
    // The second push, naming the first's change, reaches the server first: it waits (no 409) ...
    const early = a.push(second, first[0]!.changeId);
    expect(await stillWaiting(early)).toBe('waiting');
    // ... and both are applied, in order, once the first has arrived.
    slow.release();
    const [one, two] = await Promise.all([slow.response, early]);
    await expectAppliedInOrder(one, two);
  });

  it('holds a push whose named change is in a push the server took in after it (both in one turn)', async () => {
    // A busy server takes in both of a tablet's pushes in the same turn, in either order: here the second is
    // counted open first, and its body is read first.
    const a = await device('A');
    const first = [a.change({ entity: 'stall', recordId: 'p-x1', fields: stallFields('먼저보냄') })];
    const second = [a.change({ entity: 'stall', recordId: 'p-x2', fields: stallFields('먼저도착') })];
    const later = await heldPush(a, second, first[0]!.changeId);
    const earlier = await heldPush(a, first);
    later.release();
    expect(await stillWaiting(later.response)).toBe('waiting');
    earlier.release();
    const [one, two] = await Promise.all([earlier.response, later.response]);
    await expectAppliedInOrder(one, two);
  });

  it('holds a push whose named change reaches the server just after it, with no other push open yet', async () => {
    // The earlier push's request can reach the server after the later one's (each on its own connection).
    const a = await device('A');
    const first = [a.change({ entity: 'stall', recordId: 'p-g1', fields: stallFields('늦게도착') })];
    const second = [a.change({ entity: 'stall', recordId: 'p-g2', fields: stallFields('일찍도착') })];
    const early = a.push(second, first[0]!.changeId);
    await sleep(80); // the second is decided by now, with no other push open
    const one = await a.push(first);
    await expectAppliedInOrder(one, await early);
  });

  it('refuses two open pushes that name changes no push brings, without either waiting for the other', async () => {
    const a = await device('A');
    const lost = [a.change({ entity: 'stall', recordId: 'p-n0', fields: stallFields('없음') }).changeId];
    lost.push(a.change({ entity: 'stall', recordId: 'p-n1', fields: stallFields('없음') }).changeId);
    const one = await heldPush(
      a,
      [a.change({ entity: 'stall', recordId: 'p-n2', fields: stallFields('하나') })],
      lost[0],
    );
    const two = await heldPush(
      a,
      [a.change({ entity: 'stall', recordId: 'p-n3', fields: stallFields('둘') })],
      lost[1],
    );
    one.release();
    two.release();
    const answers = await Promise.race([Promise.all([one.response, two.response]), sleep(3000).then(() => null)]);
    expect(answers?.map((r) => r.status)).toEqual([409, 409]);
    const ids = (await pullAll(a)).map((r) => r.id);
    expect(ids).not.toContain('p-n2');
    expect(ids).not.toContain('p-n3');
  });

  it('records a rejected change with its reason, applies the rest, and answers the same on retry', async () => {
    const a = await device('A');
    const batch = [
      a.change({ entity: 'stall', recordId: 'p-r1', fields: stallFields('첫째') }),
      a.change({ entity: 'stall', recordId: 'p-bad', fields: { ...stallFields('나쁜'), category: '우주선' } }),
      a.change({ entity: 'stall', recordId: 'p-r2', fields: stallFields('셋째') }),
    ];
    const res = await a.pushOk(batch);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(res.results[1]).toMatchObject({ code: 'invalid', httpStatus: 422 });
    expect(res.results[1]?.reason).toContain('category');
    expect(res.results[1]?.reasonKo).toBeTruthy();
    const ids = (await pullAll(a)).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['p-r1', 'p-r2']));
    expect(ids).not.toContain('p-bad');
    const again = await a.pushOk(batch);
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'rejected', 'duplicate']);
    expect(again.results[1]?.reason).toBe(res.results[1]?.reason);
  });

  it('keeps both changes when two devices change different fields of one stall', async () => {
    const a = await device('A');
    const b = await device('B');
    await a.pushOk([a.change({ entity: 'stall', recordId: 'p-merge', fields: stallFields('원래이름') })]);
    const ca = a.change({ entity: 'stall', recordId: 'p-merge', fields: { name: '새이름' } });
    const cb = b.change({ entity: 'stall', recordId: 'p-merge', fields: { building: 'B동' } });
    await b.pushOk([cb]);
    await a.pushOk([ca]);
    const data = latest(await pullAll(b), 'p-merge');
    expect(data).toMatchObject({ name: '새이름', building: 'B동' });
  });

  it('keeps both texts when two devices edit one note at once (conflict copy)', async () => {
    const a = await device('A');
    const b = await device('B');
    await a.pushOk([a.change({ entity: 'stall', recordId: 'p-ns', fields: stallFields('노트상회') })]);
    const create = a.change({ entity: 'note', recordId: 'p-note', fields: noteFields('p-ns', '처음 글') });
    await a.pushOk([create]);
    const ea = a.change({ entity: 'note', recordId: 'p-note', fields: { taught: 'A가 쓴 글' }, base: create.clock });
    const eb = b.change({ entity: 'note', recordId: 'p-note', fields: { taught: 'B가 쓴 글' }, base: create.clock });
    expect((await a.pushOk([ea])).results[0]?.status).toBe('applied');
    const rb = await b.pushOk([eb]);
    expect(rb.results[0]?.status).toBe('applied');
    const copyId = rb.results[0]?.conflictCopyId;
    expect(copyId).toBeTruthy();
    const records = await pullAll(a);
    expect(latest(records, 'p-note')).toMatchObject({ taught: 'A가 쓴 글', conflictOf: null });
    expect(latest(records, String(copyId))).toMatchObject({ taught: 'B가 쓴 글', conflictOf: 'p-note' });
  });

  it('resolves a delete and a concurrent edit by the stated rule: the delete wins, note text is rescued', async () => {
    const a = await device('A');
    const b = await device('B');
    await a.pushOk([a.change({ entity: 'stall', recordId: 'p-del', fields: stallFields('지울가게') })]);
    const del = a.change({ entity: 'stall', recordId: 'p-del', op: 'delete' });
    const edit = b.change({ entity: 'stall', recordId: 'p-del', fields: { name: '늦은 수정' } });
    await a.pushOk([del]);
    expect((await b.pushOk([edit])).results[0]?.status).toBe('applied');
    expect(latest(await pullAll(a), 'p-del')).toMatchObject({ deleted: true });

    const create = a.change({ entity: 'note', recordId: 'p-dn', fields: noteFields('p-del', '원래 글') });
    await a.pushOk([create]);
    const edited = a.change({
      entity: 'note',
      recordId: 'p-dn',
      fields: { taught: '지우기 전에 고친 글' },
      base: create.clock,
    });
    await a.pushOk([edited]);
    const stale = b.change({ entity: 'note', recordId: 'p-dn', op: 'delete', base: create.clock });
    const res = await b.pushOk([stale]);
    const records = await pullAll(b);
    expect(latest(records, 'p-dn')).toMatchObject({ deleted: true });
    expect(latest(records, String(res.results[0]?.conflictCopyId))).toMatchObject({
      taught: '지우기 전에 고친 글',
      deleted: false,
    });
  });

  it('pages a pull by cursor in seq order and never skips a row written concurrently', async () => {
    const a = await device('A');
    const b = await device('B');
    const before = (await a.pull(0, 1)).cursor;
    const start = (await pullAll(a)).length;
    const writers = [a, b, a, b].map((d, w) =>
      d.pushOk(
        Array.from({ length: 8 }, (_, i) =>
          d.change({ entity: 'stall', recordId: `p-pg${w}-${i}`, fields: stallFields(`가게${w}-${i}`) }),
        ),
      ),
    );
    const seen: number[] = [];
    let cursor = 0;
    const drain = async () => {
      for (;;) {
        const page = await a.pull(cursor, 7);
        expect(page.records.length).toBeLessThanOrEqual(7);
        seen.push(...page.records.map((r) => r.seq));
        cursor = page.cursor;
        if (!page.hasMore) return;
      }
    };
    await Promise.all([...writers, drain()]);
    await drain();
    expect(before).toBeGreaterThan(0);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1] ?? 0);
    const all = await pullAll(a);
    expect(all.length).toBe(start + 32);
    expect(new Set(seen)).toEqual(new Set(all.map((r) => r.seq)));
    const empty = await a.pull(cursor, 7);
    expect(empty).toEqual({ records: [], cursor, hasMore: false });
  });

  it("refuses a conflict copy whose id another market's note holds: 403, the batch rolled back", async () => {
    const { server } = fx.get();
    const other = await createMarket(server.storage, { name: '사본시장', type: '건물형', schedule: '상설' });
    const a = await device('A');
    const b = await device('B');
    const x = await enroll(server, other.id, 'X');
    await a.pushOk([a.change({ entity: 'stall', recordId: 'p-cs', fields: stallFields('사본상회') })]);
    const create = a.change({ entity: 'note', recordId: 'p-cnote', fields: noteFields('p-cs', '처음 글') });
    await a.pushOk([create]);
    await a.pushOk([a.change({ entity: 'note', recordId: 'p-cnote', fields: { taught: 'A 글' }, base: create.clock })]);
    const eb = b.change({ entity: 'note', recordId: 'p-cnote', fields: { taught: 'B 글' }, base: create.clock });
    // Market X already holds a note under the id B's conflict copy would get.
    await x.pushOk([x.change({ entity: 'stall', recordId: 'p-xs', fields: stallFields('엑스상회') })]);
    const taken = conflictCopyId('p-cnote', eb.changeId);
    await x.pushOk([x.change({ entity: 'note', recordId: taken, fields: noteFields('p-xs', '엑스의 글') })]);
    const alongside = b.change({ entity: 'stall', recordId: 'p-cs2', fields: stallFields('같이 보낸 가게') });
    const res = await b.push([alongside, eb]);
    expect(res.status).toBe(403);
    const mine = await pullAll(a);
    expect(mine.map((r) => r.id)).not.toContain('p-cs2');
    expect(mine.map((r) => r.id)).not.toContain(taken);
    expect(latest(mine, 'p-cnote')).toMatchObject({ taught: 'A 글' });
    expect(latest(await pullAll(x), taken)).toMatchObject({ taught: '엑스의 글', stallId: 'p-xs' });
  });

  it("refuses another market's records: push is 403 with nothing applied, pull never shows them", async () => {
    const { server } = fx.get();
    const other = await createMarket(server.storage, { name: '다른시장', type: '건물형', schedule: '5일장' });
    const a = await device('A');
    const x = await enroll(server, other.id, 'X');
    await x.pushOk([x.change({ entity: 'stall', recordId: 'p-other', fields: stallFields('남의가게') })]);
    const batch = [
      a.change({ entity: 'stall', recordId: 'p-mine', fields: stallFields('내가게') }),
      a.change({ entity: 'stall', recordId: 'p-other', fields: { name: '훔친이름' } }),
    ];
    const res = await a.push(batch);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    const mine = await pullAll(a);
    expect(mine.map((r) => r.id)).not.toContain('p-mine');
    expect(mine.map((r) => r.id)).not.toContain('p-other');
    expect(mine.every((r) => r.data.marketId === a.marketId)).toBe(true);
    expect(latest(await pullAll(x), 'p-other')).toMatchObject({ name: '남의가게' });
    const marketEdit = await a.push([a.change({ entity: 'market', recordId: other.id, fields: { name: '뺏긴시장' } })]);
    expect(marketEdit.status).toBe(403);
  });
});
