import { describe, expect, it } from 'vitest';
import { utf8Length } from './utf8-length';

const encoded = (s: string) => new TextEncoder().encode(s).byteLength;

describe('utf8Length', () => {
  it.each([
    ['', 'empty'],
    ['plain ascii {"a":1}', 'ASCII'],
    ['단골 상회 · 쿠폰 안내', 'Korean and a middle dot'],
    ['é ñ ß', 'two-byte letters'],
    ['🥬 채소 🐟', 'emoji (surrogate pairs)'],
    ['a\ud800b', 'a lone high surrogate'],
    ['\udc00z', 'a lone low surrogate'],
    ['end\ud83e', 'a high surrogate at the very end'],
  ])('counts %j as TextEncoder does (%s)', (s) => {
    expect(utf8Length(s)).toBe(encoded(s));
  });

  it('counts a large push body exactly', () => {
    const body = JSON.stringify(
      Array.from({ length: 2000 }, (_, i) => ({ taught: `벤치 ${i} 채널 쿠폰 🧧`, id: `note-${i}` })),
    );
    expect(utf8Length(body)).toBe(encoded(body));
  });
});
