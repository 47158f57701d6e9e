import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { compareKorean } from './korean-order';

const collator = new Intl.Collator('ko', { numeric: true });
const sign = (n: number) => Math.sign(n);

/** Units the market's locations and names are made of, and a few that leave the simple path (leading zero, space, Hanja, jamo). */
const unit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('가', '각', '갂', '나', '다', '열', '동', '층', '힣', '호') },
  { weight: 3, arbitrary: fc.constantFrom('a', 'A', 'b', 'B', 'z', 'Z') },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 2000 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('0', '07', ' ', '-', '市', 'ㄱ', 'é', '１') },
);
const text = fc.array(unit, { maxLength: 5 }).map((parts) => parts.join(''));

describe('compareKorean', () => {
  it('orders as the Korean collator with numbers by value does', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(sign(compareKorean(a, b)), `${a} vs ${b}`).toBe(sign(collator.compare(a, b)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('sorts a market’s locations the way a tutor reads them', () => {
    const rows = ['나열', 'B동', '10', '가열', 'A동', '9', '2층', 'a동', '가동'];
    expect([...rows].sort(compareKorean)).toEqual(['2층', '9', '10', '가동', '가열', '나열', 'a동', 'A동', 'B동']);
  });

  it('gives equal strings zero and leaves other scripts to the collator', () => {
    expect(compareKorean('A동', 'A동')).toBe(0);
    expect(sign(compareKorean('市場', '가'))).toBe(sign(collator.compare('市場', '가')));
    expect(sign(compareKorean('07', '7'))).toBe(sign(collator.compare('07', '7')));
  });

  it('builds no ICU collator for a market’s locations (≈ 60 ms of a cold start at CPU 4×)', async () => {
    vi.resetModules();
    const Real = Intl.Collator;
    let made = 0;
    Intl.Collator = function (...args: ConstructorParameters<typeof Real>) {
      made += 1;
      return new Real(...args);
    } as unknown as typeof Intl.Collator;
    try {
      const fresh = await import('./korean-order');
      expect(['B동', 'A동', '10', '9', '나열', '가열', 'a동'].sort(fresh.compareKorean)).toHaveLength(7);
      expect(made).toBe(0);
      fresh.compareKorean('市', '가');
      fresh.compareKorean('市', '나');
      expect(made).toBe(1);
    } finally {
      Intl.Collator = Real;
    }
  });
});
