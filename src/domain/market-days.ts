// Market days of a periodic market (5일장, PRODUCT.md "Market types"): it opens every five days, on the dates
// whose last digit is one of a fixed pair (2·7: the 2nd, 7th, 12th, 17th, 22nd, 27th). A 31st counts for 1·6
// (31 ends in 1), so the rule is simply "day of the month mod 5". A daily market (상설) is open every day;
// a 5일장 whose days are not set yet is treated the same, so nothing warns about days nobody chose.
import type { Market } from './entities';
import type { MarketDays } from './vocabulary';

/** What isMarketDay needs of a market; marketDays may be missing on a record stored before it existed. */
export type MarketDaysOf = Pick<Market, 'schedule'> & { marketDays?: MarketDays | '' | undefined };

const REMAINDER: Record<MarketDays, number> = { '1·6': 1, '2·7': 2, '3·8': 3, '4·9': 4, '5·10': 0 };

/** The day of the month of a 'YYYY-MM-DD' date, or of a Date in local time (the tablet's calendar day). */
function dayOfMonth(date: Date | string): number {
  if (typeof date !== 'string') return date.getDate();
  const m = /^\d{4,}-\d{2}-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return Number(m[1]);
}

/** Whether a 5일장 with set market days; false for a daily market and for one whose days are not set. */
export function hasMarketDays(market: MarketDaysOf): market is MarketDaysOf & { marketDays: MarketDays } {
  return market.schedule === '5일장' && market.marketDays !== undefined && market.marketDays !== '';
}

/** Is the market open on this date? Always true for a daily market (or a 5일장 without its days set). */
export function isMarketDay(market: MarketDaysOf, date: Date | string): boolean {
  if (!hasMarketDays(market)) return true;
  return dayOfMonth(date) % 5 === REMAINDER[market.marketDays];
}

/**
 * The next market day on or after a 'YYYY-MM-DD' date, as 'YYYY-MM-DD' (the date itself for a daily market).
 * Usually at most four days on; across a month end up to eight (4·9 and 5·10 after a 28-day February).
 */
export function nextMarketDay(market: MarketDaysOf, date: string): string {
  dayOfMonth(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  for (let i = 0; i < 10; i++) {
    const at = new Date(Date.UTC(y, m - 1, d + i));
    const key = at.toISOString().slice(0, 10);
    if (isMarketDay(market, key)) return key;
  }
  return date; // not reached: no gap between market days is longer than eight days
}
