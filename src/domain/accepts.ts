// "Would this zod schema accept this value?" answered without zod's parse: a predicate compiled once per schema
// from the schema's own definition (its type, checks, patterns and refinements), so the zod schemas stay the one
// contract. zod builds an output value and a payload per check; the server asked it ≈ 25,000 times per
// 10,000-change drain only for a yes or no (bench: ≈ 15% of a push's server time, and a third of its garbage).
// Closures, not generated code: the app runs under a CSP without eval. A schema using anything not handled here
// is not compiled: `accepts` then asks zod. `accepts.test.ts` checks it against zod's own answers.
import type { z } from 'zod';

type Accepts = (value: unknown) => boolean;

/** The parts of zod 4's schema and check definitions read here (`schema._zod.def`, `check._zod.def`). */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  coerce?: boolean;
  check?: string;
  pattern?: RegExp;
  innerType?: Schema;
  element?: Schema;
  shape?: Record<string, Schema>;
  catchall?: unknown;
  entries?: Record<string, unknown>;
  values?: readonly unknown[];
  fn?: (value: unknown) => unknown;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  fn?: (value: unknown) => unknown;
  tx?: (value: unknown) => unknown;
}
interface Schema {
  _zod: { def: Def };
}

class Unsupported extends Error {}

/** Set while compiling when the schema changes what it parses (trims, fills in defaults). */
let transforms = false;

/** zod measures strings in code points (a surrogate pair is one), arrays in elements. */
function lengthOf(v: unknown): number {
  if (typeof v !== 'string') return (v as unknown[]).length;
  let n = v.length;
  for (let i = 0; i < v.length - 1; i++) {
    if ((v.charCodeAt(i) & 0xfc00) === 0xd800 && (v.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}

/** A check as a step: the value it passes on (an overwrite changes it), or FAIL. */
const FAIL = Symbol('fail');
type Step = (value: unknown) => unknown;

function step(c: CheckDef): Step {
  switch (c.check) {
    // A code point is one or two units: only between the bound and twice it is the exact count needed.
    case 'min_length':
      return (v) => {
        const units = (v as unknown[]).length;
        if (units < c.minimum!) return FAIL;
        return units >= c.minimum! * 2 || lengthOf(v) >= c.minimum! ? v : FAIL;
      };
    case 'max_length':
      return (v) => ((v as unknown[]).length <= c.maximum! || lengthOf(v) <= c.maximum! ? v : FAIL);
    case 'string_format': {
      const re = c.pattern;
      if (!re || re.global || re.sticky) throw new Unsupported(`format ${c.format ?? '?'}`);
      return (v) => (re.test(v as string) ? v : FAIL);
    }
    case 'number_format':
      if (c.format !== 'safeint') throw new Unsupported(`number format ${c.format ?? '?'}`);
      return (v) => (Number.isSafeInteger(v) ? v : FAIL);
    case 'greater_than':
      return c.inclusive ? (v) => ((v as number) >= c.value! ? v : FAIL) : (v) => ((v as number) > c.value! ? v : FAIL);
    case 'less_than':
      return c.inclusive ? (v) => ((v as number) <= c.value! ? v : FAIL) : (v) => ((v as number) < c.value! ? v : FAIL);
    case 'overwrite':
      transforms = true;
      return (v) => c.tx!(v);
    case 'custom':
      return (v) => (c.fn!(v) ? v : FAIL);
    default:
      throw new Unsupported(`check ${c.check}`);
  }
}

/** The type test and then every check in order, each seeing what the previous passed on (zod's order). */
function withChecks(typeOk: Accepts, def: Def, own: CheckDef | null): Accepts {
  const steps = [...(own ? [step(own)] : []), ...(def.checks ?? []).map((c) => step(c._zod.def))];
  if (steps.length === 0) return typeOk;
  return (value) => {
    if (!typeOk(value)) return false;
    let v = value;
    for (const s of steps) {
      v = s(v);
      if (v === FAIL) return false;
    }
    return true;
  };
}

function compile(schema: Schema): Accepts {
  const def = schema._zod.def;
  if (def.coerce) throw new Unsupported('coerce');
  switch (def.type) {
    case 'string':
      // A string format (z.iso.datetime(), z.uuid()) is itself a check, before the ones added to it.
      return withChecks((v) => typeof v === 'string', def, def.check ? (def as CheckDef) : null);
    case 'number':
      return withChecks((v) => typeof v === 'number' && Number.isFinite(v), def, null);
    case 'boolean':
      return withChecks((v) => typeof v === 'boolean', def, null);
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      return withChecks((v) => values.has(v), def, null);
    }
    case 'literal': {
      const values = new Set(def.values ?? []);
      return withChecks((v) => values.has(v), def, null);
    }
    case 'nullable': {
      const inner = compile(def.innerType!);
      return withChecks((v) => v === null || inner(v), def, null);
    }
    case 'optional': {
      const inner = compile(def.innerType!);
      return withChecks((v) => v === undefined || inner(v), def, null);
    }
    case 'default': {
      transforms = true;
      const inner = compile(def.innerType!);
      return withChecks((v) => v === undefined || inner(v), def, null);
    }
    case 'custom': {
      const fn = def.fn!;
      return withChecks((v) => Boolean(fn(v)), def, null);
    }
    case 'array': {
      const element = compile(def.element!);
      return withChecks((v) => Array.isArray(v) && v.every(element), def, null);
    }
    case 'object': {
      if (def.catchall !== undefined) throw new Unsupported('catchall');
      const fields = Object.entries(def.shape ?? {}).map(([k, s]) => [k, compile(s)] as const);
      const isObject = (v: unknown): v is Record<string, unknown> =>
        typeof v === 'object' && v !== null && !Array.isArray(v);
      // Keys the shape does not name are dropped by zod's parse, not refused: they do not matter here either.
      return withChecks((v) => isObject(v) && fields.every(([k, ok]) => ok(v[k])), def, null);
    }
    default:
      throw new Unsupported(`type ${def.type}`);
  }
}

interface Compiled {
  accepts: Accepts;
  /** Its parse gives back what it was given (but for keys an object does not name): no trim, no default. */
  asIs: boolean;
}

const compiled = new WeakMap<object, Compiled | null>();

function compiledOf(schema: z.ZodType): Compiled | null {
  let found = compiled.get(schema);
  if (found === undefined) {
    transforms = false;
    try {
      found = { accepts: compile(schema as unknown as Schema), asIs: !transforms };
    } catch (err) {
      if (!(err instanceof Unsupported)) throw err;
      found = null;
    }
    compiled.set(schema, found);
  }
  return found;
}

/** The compiled predicate of `schema`, or null when it uses something not handled here. */
export function compileAccepts(schema: z.ZodType): Accepts | null {
  return compiledOf(schema)?.accepts ?? null;
}

/**
 * `value` itself when `schema` accepts it and would give it back unchanged (but for keys an object does not
 * name, which zod leaves out and nothing reads); otherwise undefined, and zod's parse decides (and explains).
 */
export function acceptedAsIs<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> | undefined {
  const c = compiledOf(schema);
  return c?.asIs && c.accepts(value) ? (value as z.infer<S>) : undefined;
}

/**
 * `schema.safeParse(value)`, answered by the compiled predicate when it can (a valid value passed as is) and by zod
 * otherwise (what it refuses, explained; what it would transform).
 */
export function safeParseFast<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.infer<S>> {
  const asIs = acceptedAsIs(schema, value);
  return asIs !== undefined ? { success: true, data: asIs } : schema.safeParse(value);
}

/** Whether `schema.safeParse(value)` would succeed (zod answers when the schema could not be compiled). */
export function accepts(schema: z.ZodType, value: unknown): boolean {
  const c = compiledOf(schema);
  return c ? c.accepts(value) : schema.safeParse(value).success;
}
