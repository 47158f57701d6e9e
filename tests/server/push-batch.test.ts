// @vitest-environment node
// A push batch is applied set-at-a-time (prefetch, in-memory apply, multi-row writes at the end of one
// transaction): later changes must still see earlier ones of the same batch, a changeId repeated inside
// one batch applies once, and every applied change gets its own seq with no gap a puller could skip.
import { describe, expect, it } from 'vitest';
import { enroll, engines, latest, pullAll, stallFields, useServer } from './harness';

describe.each(engines('push batch suite (in-batch order, duplicates, seqs)'))('a push batch on %s', (engine) => {
  const fx = useServer(engine);

  it('applies changes of one batch in order, once per changeId, under consecutive seqs', async () => {
    const a = await enroll(fx.get().server, fx.get().marketId, 'A');
    const before = (await pullAll(a)).reduce((m, r) => Math.max(m, r.seq), 0);
    const create = a.change({ entity: 'stall', recordId: 'b-s1', fields: stallFields('첫이름') });
    const rename = a.change({ entity: 'stall', recordId: 'b-s1', fields: { name: '새이름' } });
    const res = await a.pushOk([create, rename, create]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied', 'duplicate']);
    expect(res.serverSeq).toBe(before + 2);
    const records = await pullAll(a);
    expect(latest(records, 'b-s1')).toMatchObject({ name: '새이름', category: stallFields('x').category });
    const audit = await fx.get().server.storage.auditTrail(a.marketId);
    const seqs = audit.map((e) => e.seq).filter((s) => s > before);
    expect(seqs).toEqual([before + 1, before + 2]);
    expect(audit.filter((e) => e.seq > before).map((e) => e.changeId)).toEqual([create.changeId, rename.changeId]);
    expect(await fx.get().server.storage.countAudit(a.marketId, create.changeId)).toBe(1);
  });

  it('writes a full batch of 500 new records, each pulled once under strictly increasing seqs', async () => {
    const a = await enroll(fx.get().server, fx.get().marketId, 'A');
    const before = (await pullAll(a)).reduce((m, r) => Math.max(m, r.seq), 0);
    const batch = Array.from({ length: 500 }, (_, i) =>
      a.change({ entity: 'stall', recordId: `b-many-${i}`, fields: stallFields(`가게 ${i}`) }),
    );
    const res = await a.pushOk(batch);
    expect(res.results.every((r) => r.status === 'applied')).toBe(true);
    expect(res.serverSeq).toBe(before + 500);
    const page = await a.pull(before, 1000);
    expect(page.records.map((r) => r.id)).toEqual(batch.map((c) => c.recordId));
    expect(page.records.map((r) => r.seq)).toEqual(batch.map((_, i) => before + 1 + i));
  });
});
