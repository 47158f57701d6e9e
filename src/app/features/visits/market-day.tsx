// Market days of a 5일장 in the visits screens (PRODUCT.md: periodic markets shape the schedule): Today says
// whether today is a market day, and a booking or a move to another day gets a plain warning. Nothing is
// forbidden: some merchants are at their stall every day. A daily market shows nothing of this.
import { useTranslation } from '../../i18n/use-translation';
import { hasMarketDays, isMarketDay, nextMarketDay, type Market } from '../../../domain';
import { useMarket } from '../../db/repos/market';
import { useSession } from '../../db/session';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { dayKey } from './time';

/** The tablet's market, live; undefined while loading or without a market. */
export function useTabletMarket(): Market | undefined {
  const session = useSession();
  return useMarket(session?.marketId) ?? undefined;
}

/** A 'YYYY-MM-DD' key as a local Date (noon: no time-zone edge), for formatting. */
function localDay(key: string): Date {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

/** Today's line on the Today screen of a 5일장: a market day or not, and the next one. */
export function TodayMarketDay({ now }: { now: Date }) {
  const { t } = useTranslation('visits');
  const language = useLanguage();
  const market = useTabletMarket();
  if (!market || !hasMarketDays(market)) return null;
  const today = dayKey(now);
  if (isMarketDay(market, today)) {
    return (
      <p className="notice notice-info">
        <span className="badge badge-market">{t('week.marketDay')}</span>{' '}
        {t('today.marketDay', { pair: market.marketDays })}
      </p>
    );
  }
  const next = formatDate(localDay(nextMarketDay(market, today)), 'shortDate', language);
  return <p className="notice notice-warn">{t('today.notMarketDay', { pair: market.marketDays, next })}</p>;
}

/** Under a date field: a warning when the chosen day ('YYYY-MM-DD') is not a market day of the 5일장. */
export function MarketDayWarning({ date }: { date: string }) {
  const { t } = useTranslation('visits');
  const language = useLanguage();
  const market = useTabletMarket();
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const off = valid && market && hasMarketDays(market) && !isMarketDay(market, date) ? market : null;
  // The live region is always there (empty when nothing to say), so the warning is read out when it appears.
  return (
    <p className={off ? 'notice notice-warn' : 'visually-hidden'} role="status">
      {off
        ? t('form.notMarketDay', {
            date: formatDate(localDay(date), 'shortDate', language),
            pair: off.marketDays,
            next: formatDate(localDay(nextMarketDay(off, date)), 'shortDate', language),
          })
        : null}
    </p>
  );
}
