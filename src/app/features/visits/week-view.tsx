// A week (Monday to Sunday) of visits, one column per day, today marked (and a 5일장's market days, in words);
// a visit opens in the detail pane.
import { useTranslation } from '../../i18n/use-translation';
import { hasMarketDays, isMarketDay, type MarketDaysOf } from '../../../domain';
import type { VisitRow } from '../../db/repos/visits';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { dayKey, weekDays } from './time';

export interface WeekViewProps {
  monday: Date;
  rows: readonly VisitRow[];
  today: Date;
  selectedId: string | null;
  onSelect: (row: VisitRow) => void;
  /** One day per row (beside an open visit) instead of seven columns. */
  compact?: boolean;
  /** The market: a 5일장's market days are marked 장날. */
  market?: MarketDaysOf | undefined;
}

export function WeekView({ monday, rows, today, selectedId, onSelect, compact = false, market }: WeekViewProps) {
  const { t } = useTranslation('visits');
  const language = useLanguage();
  const byDay = new Map<string, VisitRow[]>();
  for (const r of rows) {
    const k = dayKey(r.visit.scheduledAt);
    byDay.set(k, [...(byDay.get(k) ?? []), r]);
  }
  const todayKey = dayKey(today);
  const periodic = market !== undefined && hasMarketDays(market);
  return (
    <ol className={`week-grid${compact ? ' week-grid-compact' : ''}`}>
      {weekDays(monday).map((day) => {
        const key = dayKey(day);
        const list = byDay.get(key) ?? [];
        const isToday = key === todayKey;
        const marketDay = periodic && isMarketDay(market, key);
        const label = formatDate(day, 'shortDate', language);
        const classes = `week-day${isToday ? ' week-day-today' : ''}${marketDay ? ' week-day-market' : ''}`;
        return (
          <li key={key}>
            <section
              className={classes}
              aria-label={t(marketDay ? 'week.dayLabelMarket' : 'week.dayLabel', { day: label, count: list.length })}
              aria-current={isToday ? 'date' : undefined}
            >
              <h3>
                {label}
                {isToday ? <span className="badge badge-ok"> {t('week.today')}</span> : null}
                {marketDay ? <span className="badge badge-market"> {t('week.marketDay')}</span> : null}
              </h3>
              {list.length === 0 ? <p className="visit-hint">{t('week.empty')}</p> : null}
              <ul>
                {list.map((r) => (
                  <li key={r.visit.id}>
                    <button
                      type="button"
                      className={`week-visit week-visit-${r.visit.status}`}
                      aria-current={r.visit.id === selectedId ? 'true' : undefined}
                      onClick={() => onSelect(r)}
                    >
                      <span className="week-visit-time">{formatDate(r.visit.scheduledAt, 'time', language)}</span>{' '}
                      {r.stall?.name ?? r.visit.stallId}
                      {r.visit.status !== 'scheduled' ? ` (${t(`status.${r.visit.status}`)})` : ''}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          </li>
        );
      })}
    </ol>
  );
}
