import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChange, mergeVersioned, noteTextClock, type Versioned } from './merge';
import { formatHlc } from './hlc';
import type { Change } from './wire';
import { blankStall } from './blank-records';
import { ENTITY_SCHEMAS } from './entities';

const at = '2026-11-26T10:00:00.000Z';
let n = 0;
function change(partial: Partial<Change> & Pick<Change, 'entity' | 'recordId'>): Change {
  n += 1;
  return {
    changeId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    op: 'put',
    fields: {},
    clock: formatHlc({ wall: 1000 + n, counter: 0 }, 'dev'),
    base: null,
    tutorId: 't1',
    at,
    ...partial,
  };
}
const clock = (wall: number, dev = 'a') => formatHlc({ wall, counter: 0 }, dev);

const stallData = { ...blankStall({ name: '행복청과', category: '청과·채소' }), updatedAt: at, updatedBy: 't1' };
const noteData = {
  stallId: 's1',
  visitId: null,
  tutorId: 't1',
  topics: ['채널 개설'],
  taught: '처음 글',
  hard: '',
  nextStep: '',
  followUpDate: null,
  writtenAt: at,
  conflictOf: null,
  deleted: false,
  updatedAt: at,
  updatedBy: 't1',
};

function applied(r: ReturnType<typeof applyChange>) {
  if (r.kind !== 'applied') throw new Error(`rejected: ${r.reason}`);
  return r;
}

describe('applyChange', () => {
  it('creates a record and validates it', () => {
    const r = applyChange(undefined, change({ entity: 'stall', recordId: 's1', fields: stallData }), 'm1');
    expect(applied(r).next.data).toMatchObject({ id: 's1', marketId: 'm1', name: '행복청과' });
    const bad = applyChange(
      undefined,
      change({ entity: 'stall', recordId: 's2', fields: { ...stallData, category: '우주' } }),
      'm1',
    );
    expect(bad.kind).toBe('rejected');
  });

  it('keeps both tutors’ changes to different fields', () => {
    const created = applied(
      applyChange(undefined, change({ entity: 'stall', recordId: 's1', fields: stallData, clock: clock(1) }), 'm1'),
    ).next;
    const a = change({
      entity: 'stall',
      recordId: 's1',
      fields: { channelName: '행복청과 채널' },
      clock: clock(5, 'a'),
    });
    const b = change({ entity: 'stall', recordId: 's1', fields: { friendCount: 30 }, clock: clock(4, 'b') });
    const ab = applied(applyChange(applied(applyChange(created, a, 'm1')).next, b, 'm1')).next;
    const ba = applied(applyChange(applied(applyChange(created, b, 'm1')).next, a, 'm1')).next;
    expect(ab.data).toEqual(ba.data);
    expect(ab.data).toMatchObject({ channelName: '행복청과 채널', friendCount: 30 });
  });

  it('a delete wins over an edit in either order', () => {
    const created = applied(
      applyChange(undefined, change({ entity: 'stall', recordId: 's1', fields: stallData, clock: clock(1) }), 'm1'),
    ).next;
    const del = change({ entity: 'stall', recordId: 's1', op: 'delete', clock: clock(3, 'a') });
    const edit = change({ entity: 'stall', recordId: 's1', fields: { name: '새 이름' }, clock: clock(9, 'b') });
    const x = applied(applyChange(applied(applyChange(created, del, 'm1')).next, edit, 'm1')).next;
    const y = applied(applyChange(applied(applyChange(created, edit, 'm1')).next, del, 'm1')).next;
    expect(x.data.deleted).toBe(true);
    expect(y.data.deleted).toBe(true);
  });

  it('turns a concurrent note edit into a conflict copy: both texts survive', () => {
    const created = applied(
      applyChange(undefined, change({ entity: 'note', recordId: 'n1', fields: noteData, clock: clock(1) }), 'm1'),
    ).next;
    const base = noteTextClock(created);
    const first = applied(
      applyChange(
        created,
        change({ entity: 'note', recordId: 'n1', fields: { taught: 'A의 글' }, base, clock: clock(5, 'a') }),
        'm1',
      ),
    );
    expect(first.copies).toHaveLength(0);
    const second = applied(
      applyChange(
        first.next,
        change({ entity: 'note', recordId: 'n1', fields: { taught: 'B의 글' }, base, clock: clock(6, 'b') }),
        'm1',
      ),
    );
    expect(second.next.data.taught).toBe('A의 글');
    expect(second.copies).toHaveLength(1);
    expect(second.copies[0]?.data).toMatchObject({ taught: 'B의 글', conflictOf: 'n1' });
  });

  it('rescues note text edited while another tutor deleted the note', () => {
    const created = applied(
      applyChange(undefined, change({ entity: 'note', recordId: 'n1', fields: noteData, clock: clock(1) }), 'm1'),
    ).next;
    const base = noteTextClock(created);
    const edited = applied(
      applyChange(
        created,
        change({ entity: 'note', recordId: 'n1', fields: { taught: '고친 글' }, base, clock: clock(5, 'a') }),
        'm1',
      ),
    ).next;
    const del = applied(
      applyChange(edited, change({ entity: 'note', recordId: 'n1', op: 'delete', base, clock: clock(6, 'b') }), 'm1'),
    );
    expect(del.next.data.deleted).toBe(true);
    expect(del.copies[0]?.data).toMatchObject({ taught: '고친 글', deleted: false });
    // and the other order: the edit arrives after the delete
    const deleted = applied(
      applyChange(created, change({ entity: 'note', recordId: 'n1', op: 'delete', base, clock: clock(6, 'b') }), 'm1'),
    ).next;
    const late = applied(
      applyChange(
        deleted,
        change({ entity: 'note', recordId: 'n1', fields: { taught: '늦은 글' }, base, clock: clock(7, 'a') }),
        'm1',
      ),
    );
    expect(late.copies[0]?.data).toMatchObject({ taught: '늦은 글', deleted: false });
  });

  it('checks only what an edit writes, accepting and refusing exactly as a whole-record check would', () => {
    const created = applied(
      applyChange(undefined, change({ entity: 'stall', recordId: 's1', fields: stallData, clock: clock(1) }), 'm1'),
    ).next;
    const value = fc.oneof(
      fc.constantFrom('', '  ', '행복청과', '010-1234-5678', '청과·채소', '우주', 'x'.repeat(61)),
      fc.integer({ min: -5, max: 5 }),
      fc.boolean(),
      fc.constant(null),
    );
    const field = fc.constantFrom('name', 'category', 'merchantPhone', 'friendCount', 'channelOpened', 'landmark');
    fc.assert(
      fc.property(fc.dictionary(field, value, { minKeys: 1 }), (fields) => {
        const r = applyChange(created, change({ entity: 'stall', recordId: 's1', fields, clock: clock(9) }), 'm1');
        const whole = ENTITY_SCHEMAS.stall.safeParse({ ...created.data, ...fields });
        expect(r.kind).toBe(whole.success ? 'applied' : 'rejected');
        if (r.kind === 'rejected' && !whole.success) {
          expect(r.reason).toContain(`field "${whole.error.issues[0]!.path.join('.')}"`);
        }
      }),
    );
  });

  it('names the bad part of an edited field, and refuses a conflict copy whose text is invalid', () => {
    const created = applied(
      applyChange(undefined, change({ entity: 'note', recordId: 'n1', fields: noteData, clock: clock(1) }), 'm1'),
    ).next;
    const badTopic = applyChange(
      created,
      change({ entity: 'note', recordId: 'n1', fields: { topics: ['ok', ''] }, base: noteTextClock(created) }),
      'm1',
    );
    expect(badTopic).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('field "topics.1"') });
    const stale = change({ entity: 'note', recordId: 'n1', fields: { taught: 'x'.repeat(4001) }, base: clock(0) });
    const copy = applyChange(created, stale, 'm1');
    expect(copy).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('field "taught"') });
  });

  it('refuses to move a record to another market', () => {
    const r = applyChange(
      undefined,
      change({ entity: 'stall', recordId: 's1', fields: { ...stallData, marketId: 'other' } }),
      'm1',
    );
    expect(r.kind).toBe('rejected');
  });
});

const versioned = fc
  .array(
    fc.tuple(fc.constantFrom('a', 'b', 'c', 'deleted'), fc.integer({ min: 1, max: 30 }), fc.constantFrom('x', 'y')),
    { maxLength: 6 },
  )
  .map((entries): Versioned => {
    const v: Versioned = { data: {}, clocks: {} };
    for (const [k, wall, dev] of entries) {
      const c = clock(wall, dev);
      if (!v.clocks[k] || v.clocks[k]! < c) {
        // A value is a function of its clock alone (one clock = one write), as it is in the real system.
        v.data[k] = k === 'deleted' ? wall % 2 === 0 : `v@${c}`;
        v.clocks[k] = c;
      }
    }
    return v;
  });

describe('mergeVersioned (pull merge) is a join: replicas converge whatever the order', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(versioned, versioned, (x, y) => {
        expect(mergeVersioned(x, y)).toEqual(mergeVersioned(y, x));
      }),
    );
  });
  it('is associative', () => {
    fc.assert(
      fc.property(versioned, versioned, versioned, (x, y, z) => {
        expect(mergeVersioned(mergeVersioned(x, y), z)).toEqual(mergeVersioned(x, mergeVersioned(y, z)));
      }),
    );
  });
  it('is idempotent', () => {
    fc.assert(
      fc.property(versioned, (x) => {
        expect(mergeVersioned(x, x)).toEqual(x);
      }),
    );
  });
  it('keeps fields with pending local changes (read-your-writes)', () => {
    const local: Versioned = { data: { a: 'mine' }, clocks: { a: clock(1) } };
    const remote: Versioned = { data: { a: 'theirs', b: 'new' }, clocks: { a: clock(9), b: clock(9) } };
    expect(mergeVersioned(local, remote, new Set(['a'])).data).toEqual({ a: 'mine', b: 'new' });
  });
});
