import { describe, expect, it, beforeEach } from 'vitest';
import { DangolDb } from './database';
import { mutate } from './mutate';
import { setMeta } from './meta';
import { ValidationError } from './errors';
import { blankStall } from '../../domain';

const stallFields = () =>
  blankStall({ name: '행복청과', category: '청과·채소', building: 'A동', floor: '1', row: '가열', number: '12' });

let db: DangolDb;
beforeEach(async () => {
  db = new DangolDb(`t-${crypto.randomUUID()}`);
  await setMeta(db, 'marketId', 'm1');
});

describe('mutate: the one write path', () => {
  it('writes the record and its outbox entry together', async () => {
    await mutate(db, { entity: 'stall', id: 's1', fields: stallFields(), tutorId: 't1' });
    const stall = await db.stalls.get('s1');
    const outbox = await db.outbox.toArray();
    expect(stall?.name).toBe('행복청과');
    expect(stall?.updatedBy).toBe('t1');
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.change.recordId).toBe('s1');
    expect(outbox[0]?.change.fields.name).toBe('행복청과');
  });

  it('writes neither on bad input', async () => {
    await expect(
      mutate(db, { entity: 'stall', id: 's1', fields: { ...stallFields(), name: '' }, tutorId: null }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await db.stalls.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('writes neither when the outbox write fails', async () => {
    await mutate(db, { entity: 'stall', id: 's1', fields: stallFields(), tutorId: null });
    // Force the outbox add to fail (as a full disk would) once the record itself was written.
    const fail = () => {
      throw new Error('outbox write failed');
    };
    db.outbox.hook('creating', fail);
    try {
      await expect(mutate(db, { entity: 'stall', id: 's1', fields: { name: '바뀐이름' } })).rejects.toThrow(
        'outbox write failed',
      );
    } finally {
      db.outbox.hook('creating').unsubscribe(fail);
    }
    expect((await db.stalls.get('s1'))?.name).toBe('행복청과');
    expect(await db.outbox.count()).toBe(1);
  });

  it('keeps clocks increasing and change order', async () => {
    await mutate(db, { entity: 'stall', id: 's1', fields: stallFields() });
    await mutate(db, { entity: 'stall', id: 's1', fields: { name: '둘째' } });
    await mutate(db, { entity: 'stall', id: 's1', op: 'delete' });
    const out = await db.outbox.orderBy('seq').toArray();
    expect(out.map((o) => o.change.op)).toEqual(['put', 'put', 'delete']);
    expect(out[0]!.change.clock < out[1]!.change.clock).toBe(true);
    expect(out[1]!.change.clock < out[2]!.change.clock).toBe(true);
    expect((await db.stalls.get('s1'))?.deleted).toBe(true);
  });
});
