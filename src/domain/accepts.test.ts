// `accepts` must say yes exactly where zod's safeParse succeeds: for every entity schema and the push request,
// on valid records, on records with one field replaced by something odd, and on anything at all.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { acceptedAsIs, accepts, compileAccepts } from './accepts';
import { makeDemoMarket } from './demo-market';
import { ENTITY_SCHEMAS, type EntityName } from './entities';
import { formatHlc } from './hlc';
import { ChangeSchema, PushRequestSchema, PushResponseSchema } from './wire';

const demo = makeDemoMarket({ marketId: 'm-accepts', now: new Date('2026-12-06T03:00:00Z') });
const SAMPLES: Record<EntityName, Record<string, unknown>[]> = {
  market: [demo.market],
  tutor: demo.tutors,
  stall: demo.stalls.slice(0, 5),
  visit: demo.visits.slice(0, 5),
  note: demo.notes.slice(0, 5),
  step: demo.steps.slice(0, 5),
  stepEvent: demo.stepEvents.slice(0, 5),
  consent: demo.consents.slice(0, 5),
} as unknown as Record<EntityName, Record<string, unknown>[]>;

const change = {
  changeId: '01939a3e-8b6c-7d3e-9f10-123456789abc',
  entity: 'note',
  recordId: 'n-1',
  op: 'put',
  fields: { taught: '쿠폰 만들기' },
  clock: formatHlc({ wall: Date.now(), counter: 0 }, 'dev1'),
  base: null,
  tutorId: 't1',
  at: '2026-12-06T03:00:00.000Z',
};

/** Values near the edges of what the schemas check: lengths, characters, numbers, types. */
const odd = fc.oneof(
  fc.constantFrom<unknown>(
    '',
    ' ',
    '  앞뒤 공백  ',
    'a'.repeat(15),
    'a'.repeat(16),
    'a'.repeat(80),
    'a'.repeat(81),
    ' '.repeat(41),
    'x'.repeat(4001),
    'bad\u0000text',
    'tab\tand\nnewline',
    '\uD800',
    'lone \uDC00 low',
    '😀',
    '😀'.repeat(10),
    '😀'.repeat(11),
    'x' + '😀'.repeat(39),
    'x' + '😀'.repeat(40),
    'ok-id_1:2~3',
    'has space',
    '010-1234-5678',
    '12',
    '2026-12-06',
    '2026-02-30',
    '2026-12-06T03:00:00Z',
    '2026-12-06T03:00:00.000+09:00',
    '2026-12-06 03:00',
    '01939a3e-8b6c-7d3e-9f10-123456789abc',
    'todo',
    'done',
    '청과·채소',
    '골목형',
    '5·10',
    0,
    -1,
    1,
    5,
    50,
    51,
    480,
    481,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
    10_000_001,
    true,
    false,
    null,
    undefined,
    [],
    ['쿠폰'],
    [''],
    Array.from({ length: 21 }, () => 'x'),
    {},
    { a: 1 },
  ),
  fc.string({ maxLength: 90 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string({ maxLength: 45 }), { maxLength: 22 }),
);

function agrees(schema: z.ZodType, value: unknown) {
  expect(accepts(schema, value), JSON.stringify(value)).toBe(schema.safeParse(value).success);
}

describe('accepts: the same yes or no as zod', () => {
  it('compiles every entity schema and the push request (none falls back to zod)', () => {
    for (const schema of [...Object.values(ENTITY_SCHEMAS), ChangeSchema, PushRequestSchema, PushResponseSchema]) {
      expect(compileAccepts(schema)).not.toBeNull();
    }
  });

  it('accepts valid records and refuses each field replaced by an odd value exactly when zod does', () => {
    for (const [entity, rows] of Object.entries(SAMPLES) as [EntityName, Record<string, unknown>[]][]) {
      const schema = ENTITY_SCHEMAS[entity];
      for (const row of rows) expect(accepts(schema, row)).toBe(true);
      const keys = Object.keys(schema.shape);
      fc.assert(
        fc.property(fc.constantFrom(...rows), fc.constantFrom(...keys), odd, (row, key, value) => {
          agrees(schema, { ...row, [key]: value });
        }),
        { numRuns: 400 },
      );
      for (const key of keys) {
        const { [key]: _gone, ...rest } = rows[0]!;
        agrees(schema, rest);
      }
    }
  });

  it('agrees on push requests with one change field replaced, and on anything at all', () => {
    expect(accepts(PushRequestSchema, { changes: [change] })).toBe(true);
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(change)), odd, (key, value) => {
        agrees(PushRequestSchema, { changes: [change, { ...change, [key]: value }] });
      }),
      { numRuns: 600 },
    );
    for (const value of [{ changes: [] }, { changes: 'x' }, { changes: Array(2001).fill(change) }, null, [], 'x']) {
      agrees(PushRequestSchema, value);
    }
    fc.assert(
      fc.property(fc.anything(), (value) => {
        agrees(PushRequestSchema, value);
        agrees(ENTITY_SCHEMAS.stall, value);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on push responses with one result field replaced', () => {
    const result = { changeId: change.changeId, status: 'rejected', reason: '안 됨', code: 'invalid', httpStatus: 422 };
    expect(accepts(PushResponseSchema, { results: [result], serverSeq: 3 })).toBe(true);
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(result), 'conflictCopyId', 'reasonKo'), odd, (key, value) => {
        agrees(PushResponseSchema, { results: [{ ...result, [key]: value }], serverSeq: 3 });
      }),
      { numRuns: 400 },
    );
  });

  it('gives a push request back as is only when zod would give back the same (no trim, no default)', () => {
    const request = { changes: [change] };
    expect(acceptedAsIs(PushRequestSchema, request)).toBe(request);
    expect(PushRequestSchema.parse(request)).toEqual(request);
    expect(acceptedAsIs(PushRequestSchema, { changes: [{ ...change, op: 'merge' }] })).toBeUndefined();
    // The stall schema trims its texts and a market fills in marketDays: zod's own parse must give those.
    expect(acceptedAsIs(ENTITY_SCHEMAS.stall, SAMPLES.stall[0])).toBeUndefined();
    expect(acceptedAsIs(ENTITY_SCHEMAS.market, SAMPLES.market[0])).toBeUndefined();
  });

  it('asks zod for a schema it cannot compile', () => {
    const piped = z.string().transform((s) => s.length);
    expect(compileAccepts(piped)).toBeNull();
    expect(accepts(piped, 'abc')).toBe(true);
    expect(accepts(piped, 3)).toBe(false);
  });
});
