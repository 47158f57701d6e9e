import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { accepts, compileAccepts } from './accepts';
import { ENTITY_NAMES, ENTITY_SCHEMAS, StallSchema } from './entities';
import { lazySchema } from './lazy-schema';

describe('lazySchema', () => {
  it('builds the schema on first use only, and once', () => {
    let built = 0;
    const Name = lazySchema(() => {
      built += 1;
      return z.string().trim().min(1);
    });
    const Row = lazySchema(() => z.object({ name: Name }));
    expect(built).toBe(0);
    expect(Row.parse({ name: ' 김 ' })).toEqual({ name: '김' });
    expect(Name.safeParse('').success).toBe(false);
    expect(built).toBe(1);
  });

  it('is the schema it builds for zod: nesting, pick, extend, shape, instanceof, errors', () => {
    const Id = lazySchema(() => z.string().regex(/^[a-z]+$/, 'id'));
    const Row = lazySchema(() => z.object({ id: Id, n: z.number().int() }));
    expect(Row).toBeInstanceOf(z.ZodObject);
    expect(Object.keys(Row.shape)).toEqual(['id', 'n']);
    expect(Row.pick({ id: true }).parse({ id: 'ab', n: 1 })).toEqual({ id: 'ab' });
    expect(Row.extend({ x: z.boolean() }).safeParse({ id: 'ab', n: 1, x: 1 }).success).toBe(false);
    const refused = Row.safeParse({ id: 'AB', n: 1.5 });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path.join('.'))).toEqual(['id', 'n']);
    expect(z.array(Row).parse([{ id: 'a', n: 2 }])).toEqual([{ id: 'a', n: 2 }]);
  });

  it('the record schemas are lazy and still compile to the fast predicate', () => {
    for (const entity of ENTITY_NAMES) expect(compileAccepts(ENTITY_SCHEMAS[entity])).not.toBeNull();
    expect(accepts(StallSchema, { name: 'x' })).toBe(false);
    expect(StallSchema.shape.name.safeParse('').success).toBe(false);
  });
});
