// Translations remembered per language: the app's messages are fixed at build time, so `t(key)` (or `t(key,
// { count: 3 })`) gives the same text every time until the language changes. i18next works it out afresh on each
// call (a copy of its options, the namespace and fallback lookups, plural rules, interpolation): ≈ 10 µs per call
// in Node, several times that on a tablet, and a stall's opening calls `t` a few hundred times (bench 4c: ≈ 14 ms of
// the first opening at CPU 4x was i18next).
import type { i18n as I18n, TFunction } from 'i18next';

/** Entries kept per language before the cache starts over (interpolated names would otherwise grow it). */
const MAX_ENTRIES = 5000;

/** A call's cache key, or undefined when its options hold something but strings, numbers and booleans. */
function keyOf(ns: unknown, prefix: unknown, key: unknown, opts: unknown): string | undefined {
  if (
    typeof key !== 'string' ||
    (typeof ns !== 'string' && ns != null) ||
    (typeof prefix !== 'string' && prefix != null)
  ) {
    return undefined;
  }
  let k = `${ns ?? ''}\u0000${prefix ?? ''}\u0000${key}`;
  if (opts === undefined) return k;
  if (typeof opts !== 'object' || opts === null || Array.isArray(opts)) return undefined;
  for (const name in opts) {
    const v = (opts as Record<string, unknown>)[name];
    const type = typeof v;
    if (type !== 'string' && type !== 'number' && type !== 'boolean') return undefined;
    k += `\u0000${name}\u0001${type[0]}${String(v)}`;
  }
  return k;
}

/**
 * Make every `t` the instance hands out (react-i18next's `useTranslation` asks `getFixedT`) answer a call it has
 * answered before from memory. Only calls with a string key and options of plain values are remembered; the
 * memory is per language and is dropped when resources are added or removed. Idempotent.
 */
export function rememberTranslations(i18n: I18n): void {
  const marked = i18n as I18n & { __rememberingTranslations?: true };
  if (marked.__rememberingTranslations) return;
  marked.__rememberingTranslations = true;
  let byLanguage = new Map<string, Map<string, string>>();
  const forget = () => (byLanguage = new Map());
  i18n.store.on('added', forget);
  i18n.store.on('removed', forget);
  const getFixedT = i18n.getFixedT.bind(i18n);
  i18n.getFixedT = ((lng: unknown, ns: unknown, keyPrefix: unknown) => {
    const fixedT = getFixedT(lng as string, ns as string, keyPrefix as string);
    const inner = fixedT as unknown as ((...args: unknown[]) => unknown) & {
      lng?: string;
      lngs?: unknown;
      ns?: string;
      keyPrefix?: string;
    };
    // A `t` fixed to a list of languages is left as it is (the app fixes one language or none).
    const cacheable = !Array.isArray(inner.lngs);
    const fixed = ((key: unknown, opts?: unknown, ...rest: unknown[]) => {
      const cacheKey = cacheable && rest.length === 0 ? keyOf(inner.ns, inner.keyPrefix, key, opts) : undefined;
      if (cacheKey === undefined) return inner(key, opts, ...rest);
      const language = typeof inner.lng === 'string' ? inner.lng : i18n.language;
      let memory = byLanguage.get(language);
      if (!memory) byLanguage.set(language, (memory = new Map()));
      const known = memory.get(cacheKey);
      if (known !== undefined) return known;
      const text = inner(key, opts);
      if (typeof text === 'string') {
        if (memory.size >= MAX_ENTRIES) memory.clear();
        memory.set(cacheKey, text);
      }
      return text;
    }) as typeof inner;
    // What i18next's own fixed `t` carries (react-i18next and i18next read them).
    fixed.lng = inner.lng;
    fixed.lngs = inner.lngs;
    fixed.ns = inner.ns;
    fixed.keyPrefix = inner.keyPrefix;
    return fixed as unknown as TFunction;
  }) as I18n['getFixedT'];
}
