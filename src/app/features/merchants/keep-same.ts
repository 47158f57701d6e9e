// Structural sharing for live data: a fresh read that holds the same values as the last one gives back the last
// one's objects, so memoized components (step rows, note cards) skip re-rendering and an unchanged read does not
// re-render at all.

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

/** `next`, reusing `prev` (or the parts of it) wherever the values are the same. */
export function keepSame<T>(prev: T, next: T): T {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) {
    let same = prev.length === next.length;
    const out = next.map((n: unknown, i) => {
      const kept = keepSame(prev[i] as unknown, n);
      if (kept !== prev[i]) same = false;
      return kept;
    });
    return (same ? prev : out) as T;
  }
  if (prev instanceof Map && next instanceof Map) {
    if (prev.size !== next.size) return next;
    for (const [k, v] of next) if (!prev.has(k) || !Object.is(prev.get(k), v)) return next;
    return prev;
  }
  if (isPlain(prev) && isPlain(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(prev).length;
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const kept = keepSame(prev[k], next[k]);
      out[k] = kept;
      if (kept !== prev[k] || !(k in prev)) same = false;
    }
    return (same ? prev : out) as T;
  }
  return next;
}
