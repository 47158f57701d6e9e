// Translations remembered per language: the app's messages are fixed at build time, so `t(key)` (or `t(key,
// { count: 3 })`) gives the same text every time until the language changes. i18next works it out afresh on each
// call (a copy of its options, the namespace and fallback lookups, plural rules, interpolation): ≈ 10 µs per call
// in Node, several times that on a tablet, and a stall's opening calls `t` a few hundred times (bench 4c: ≈ 14 ms of
// the first opening at CPU 4x was i18next).
import type { i18n as I18n, TFunction } from 'i18next';

/** Entries kept per memory before it starts over (interpolated names would otherwise grow it). */
const MAX_ENTRIES = 2000;

/** The key of a call with options: undefined when they hold something but strings, numbers and booleans. */
function keyWithOptions(key: string, opts: unknown): string | undefined {
  if (typeof opts !== 'object' || opts === null || Array.isArray(opts)) return undefined;
  let k = key;
  for (const name in opts) {
    const v = (opts as Record<string, unknown>)[name];
    const type = typeof v;
    if (type !== 'string' && type !== 'number' && type !== 'boolean') return undefined;
    k += `\u0000${name}\u0001${type[0]}${String(v)}`;
  }
  return k;
}

type FixedT = ((...args: unknown[]) => unknown) & { lng?: string; lngs?: unknown; ns?: unknown; keyPrefix?: unknown };

/**
 * Make every `t` the instance hands out (the app's `useTranslation`, use-translation.ts, asks `getFixedT`) answer a
 * call it has answered before from memory. Only calls with a string key and options of plain values are remembered;
 * there is one memory per language, namespace and key prefix, and all are dropped when resources are added or
 * removed.
 * Idempotent.
 */
export function rememberTranslations(i18n: I18n): void {
  const marked = i18n as I18n & { __rememberingTranslations?: true };
  if (marked.__rememberingTranslations) return;
  marked.__rememberingTranslations = true;
  let memories = new Map<string, Map<string, string>>();
  const forget = () => (memories = new Map());
  i18n.store.on('added', forget);
  i18n.store.on('removed', forget);
  const getFixedT = i18n.getFixedT.bind(i18n);
  i18n.getFixedT = ((lng: unknown, ns: unknown, keyPrefix: unknown) => {
    const inner = getFixedT(lng as string, ns as string, keyPrefix as string) as unknown as FixedT;
    // A `t` fixed to a list of languages or namespaces is left as it is (the app fixes one or none).
    const cacheable =
      !Array.isArray(inner.lngs) &&
      (inner.ns == null || typeof inner.ns === 'string') &&
      (inner.keyPrefix == null || typeof inner.keyPrefix === 'string');
    // This `t`'s memory, found again only when the language (or the resources) changed.
    let seen: { language: string; all: Map<string, Map<string, string>>; memory: Map<string, string> } | undefined;
    const memoryOf = (language: string) => {
      if (seen?.language === language && seen.all === memories) return seen.memory;
      const name = `${language}\u0000${String(inner.ns ?? '')}\u0000${String(inner.keyPrefix ?? '')}`;
      let memory = memories.get(name);
      if (!memory) memories.set(name, (memory = new Map()));
      seen = { language, all: memories, memory };
      return memory;
    };
    const fixed: FixedT = (key, opts, ...rest) => {
      if (!cacheable || typeof key !== 'string' || rest.length > 0) return inner(key, opts, ...rest);
      const cacheKey = opts === undefined ? key : keyWithOptions(key, opts);
      if (cacheKey === undefined) return inner(key, opts);
      const memory = memoryOf(typeof inner.lng === 'string' ? inner.lng : i18n.language);
      const known = memory.get(cacheKey);
      if (known !== undefined) return known;
      const text = inner(key, opts);
      if (typeof text === 'string') {
        if (memory.size >= MAX_ENTRIES) memory.clear();
        memory.set(cacheKey, text);
      }
      return text;
    };
    // What i18next's own fixed `t` carries (i18next reads them).
    fixed.lng = inner.lng;
    fixed.lngs = inner.lngs;
    fixed.ns = inner.ns;
    fixed.keyPrefix = inner.keyPrefix;
    return fixed as unknown as TFunction;
  }) as I18n['getFixedT'];
}
