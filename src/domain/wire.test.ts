// The push body's schema: what a change may carry, checked the same way on the tablet (backups) and the server.
import { describe, expect, it } from 'vitest';
import { ChangeSchema, PushRequestSchema } from './wire';

const change = (fields: unknown) => ({
  changeId: '0190a4b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
  entity: 'visit',
  recordId: 'v1',
  op: 'put',
  fields,
  clock: '1730000000000-000001-tabletA',
  base: null,
  tutorId: 't1',
  at: '2026-11-26T09:00:00.000+09:00',
});

describe('wire: a change', () => {
  it('accepts a field map of any values (each entity checks its own)', () => {
    const parsed = ChangeSchema.parse(change({ purpose: '쿠폰 안내', topics: ['쿠폰'], followUpDate: null }));
    expect(parsed.fields).toEqual({ purpose: '쿠폰 안내', topics: ['쿠폰'], followUpDate: null });
  });

  it.each([
    ['a field name over 40 characters', { ['x'.repeat(41)]: 1 }],
    ['an array', ['purpose']],
    ['a string', 'purpose'],
    ['null', null],
    ['a non-plain object', new Date(0)],
  ])('refuses %s as its fields, naming "fields"', (_, fields) => {
    const r = PushRequestSchema.safeParse({ changes: [change(fields)] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['changes', 0, 'fields']);
  });

  it('accepts a name of exactly 40 characters', () => {
    expect(ChangeSchema.safeParse(change({ ['x'.repeat(40)]: 1 })).success).toBe(true);
  });
});
