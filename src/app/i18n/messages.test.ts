import { describe, expect, it } from 'vitest';
import { NAMESPACES } from './index';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('messages', () => {
  it.each(Object.keys(NAMESPACES))('namespace %s has the same keys in Korean and English', (ns) => {
    const m = NAMESPACES[ns as keyof typeof NAMESPACES];
    expect(keys(m.en).sort()).toEqual(keys(m.ko).sort());
  });

  it.each(Object.keys(NAMESPACES))('namespace %s has no empty strings', (ns) => {
    const m = NAMESPACES[ns as keyof typeof NAMESPACES];
    for (const lang of [m.ko, m.en]) {
      const flat = keys(lang);
      for (const path of flat) {
        const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], lang);
        if (path) expect(String(value).trim(), `${ns}:${path}`).not.toBe('');
      }
    }
  });
});
