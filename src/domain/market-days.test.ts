import { describe, expect, it } from 'vitest';
import { MarketSchema } from './entities';
import { hasMarketDays, isMarketDay, nextMarketDay } from './market-days';
import { MARKET_DAYS } from './vocabulary';

const fiveDay = (marketDays: (typeof MARKET_DAYS)[number] | '') => ({ schedule: '5일장' as const, marketDays });
const daysOf = (m: ReturnType<typeof fiveDay>, year: number, month: number) => {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const out: number[] = [];
  for (let d = 1; d <= last; d++) {
    if (isMarketDay(m, `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`)) out.push(d);
  }
  return out;
};

describe('isMarketDay', () => {
  it('opens a 2·7 market on the 2nd, 7th, 12th, 17th, 22nd and 27th only', () => {
    expect(daysOf(fiveDay('2·7'), 2025, 5)).toEqual([2, 7, 12, 17, 22, 27]);
  });

  it('counts a 31st for 1·6 and not for 5·10', () => {
    expect(daysOf(fiveDay('1·6'), 2025, 5)).toEqual([1, 6, 11, 16, 21, 26, 31]);
    expect(daysOf(fiveDay('5·10'), 2025, 5)).toEqual([5, 10, 15, 20, 25, 30]);
    expect(isMarketDay(fiveDay('1·6'), '2025-12-31')).toBe(true);
    expect(isMarketDay(fiveDay('5·10'), '2025-12-31')).toBe(false);
  });

  it('follows month ends: 28 or 29 days in February, 30 in April', () => {
    expect(daysOf(fiveDay('3·8'), 2025, 2)).toEqual([3, 8, 13, 18, 23, 28]);
    expect(daysOf(fiveDay('4·9'), 2025, 2)).toEqual([4, 9, 14, 19, 24]);
    expect(daysOf(fiveDay('4·9'), 2024, 2)).toEqual([4, 9, 14, 19, 24, 29]);
    expect(daysOf(fiveDay('5·10'), 2025, 4)).toEqual([5, 10, 15, 20, 25, 30]);
  });

  it('gives every date of a month to exactly one pair', () => {
    for (let d = 1; d <= 31; d++) {
      const day = `2025-01-${String(d).padStart(2, '0')}`;
      expect(MARKET_DAYS.filter((p) => isMarketDay(fiveDay(p), day))).toHaveLength(1);
    }
  });

  it('is always true for a daily market, and for a 5일장 whose days are not set', () => {
    for (let d = 1; d <= 31; d++) {
      const day = `2025-03-${String(d).padStart(2, '0')}`;
      expect(isMarketDay({ schedule: '상설', marketDays: '' }, day)).toBe(true);
      expect(isMarketDay({ schedule: '상설', marketDays: '2·7' }, day)).toBe(true);
      expect(isMarketDay({ schedule: '5일장' }, day)).toBe(true);
      expect(isMarketDay(fiveDay(''), day)).toBe(true);
    }
    expect(hasMarketDays({ schedule: '상설', marketDays: '2·7' })).toBe(false);
    expect(hasMarketDays(fiveDay('2·7'))).toBe(true);
  });

  it('reads a Date as its local calendar day', () => {
    expect(isMarketDay(fiveDay('2·7'), new Date(2025, 4, 17, 23, 59))).toBe(true);
    expect(isMarketDay(fiveDay('2·7'), new Date(2025, 4, 18, 0, 1))).toBe(false);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => isMarketDay(fiveDay('2·7'), '2025-5-7')).toThrow(RangeError);
  });
});

describe('nextMarketDay', () => {
  it('is the date itself on a market day or for a daily market, else the next one, across a month end', () => {
    expect(nextMarketDay(fiveDay('2·7'), '2025-05-12')).toBe('2025-05-12');
    expect(nextMarketDay(fiveDay('2·7'), '2025-05-13')).toBe('2025-05-17');
    expect(nextMarketDay({ schedule: '상설', marketDays: '' }, '2025-05-13')).toBe('2025-05-13');
    expect(nextMarketDay(fiveDay('5·10'), '2025-05-31')).toBe('2025-06-05');
    expect(nextMarketDay(fiveDay('5·10'), '2025-02-26')).toBe('2025-03-05');
    expect(nextMarketDay(fiveDay('1·6'), '2025-12-27')).toBe('2025-12-31');
  });
});

describe('MarketSchema.marketDays', () => {
  const market = {
    id: 'm1',
    marketId: 'm1',
    updatedAt: '2025-05-01T00:00:00.000Z',
    updatedBy: null,
    deleted: false,
    name: '장터',
    type: '골목형',
    schedule: '5일장',
    address: '',
    demo: false,
    autoLockMinutes: 5,
  };

  it('accepts a market stored before the field existed, reading it as a daily one', () => {
    expect(MarketSchema.parse(market).marketDays).toBe('');
  });

  it('accepts the five pairs and refuses anything else', () => {
    for (const p of MARKET_DAYS) expect(MarketSchema.parse({ ...market, marketDays: p }).marketDays).toBe(p);
    for (const bad of ['2,7', '2.7', '6·1', 27, null]) {
      expect(MarketSchema.safeParse({ ...market, marketDays: bad }).success).toBe(false);
    }
  });
});
