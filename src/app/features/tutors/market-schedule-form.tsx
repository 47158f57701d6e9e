// The lead sets the market's schedule beside its auto-lock time: daily (상설) or a 5일장 on one pair of dates.
// One change through the write path (it syncs; the server takes market changes from a lead only).
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { MARKET_DAYS, type Market, type MarketDays } from '../../../domain';
import { getDb } from '../../db/database';
import { useMarket } from '../../db/repos/market';
import { setMarketSchedule } from '../../db/repos/tutor-admin';
import { useLanguage } from '../../i18n/use-language';
import { Button } from '../../ui/button';
import { errorText } from '../../ui/error-text';
import { Field } from '../../ui/field';

/** The dates of a pair in a 31-day month: '1·6' → '1, 6, 11, 16, 21, 26, 31'. */
function datesOf(pair: MarketDays): string {
  const first = Number(pair.split('·')[0]);
  const out: number[] = [];
  for (let d = first; d <= 31; d += 5) out.push(d);
  return out.join(', ');
}

export function MarketScheduleForm({ leadId, marketId }: { leadId: string; marketId: string }) {
  const market = useMarket(marketId);
  const [saved, setSaved] = useState(false);
  if (!market) return null;
  // Re-mounted when the market changes (this save, or another tablet's edit pulled in): it shows what is held.
  return (
    <ScheduleForm
      key={`${market.schedule}|${market.marketDays}`}
      leadId={leadId}
      market={market}
      saved={saved}
      setSaved={setSaved}
    />
  );
}

interface FormProps {
  leadId: string;
  market: Market;
  saved: boolean;
  setSaved: (saved: boolean) => void;
}

function ScheduleForm({ leadId, market, saved, setSaved }: FormProps) {
  const { t } = useTranslation('tutors');
  const language = useLanguage();
  const [schedule, setSchedule] = useState<string>(market.schedule);
  // A market stored before market days existed has no such field: read as '' (none chosen).
  const [days, setDays] = useState<string>((market.marketDays as string | undefined) ?? '');
  const [error, setError] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    setError(null);
    setMarketSchedule(getDb(), leadId, schedule, days).then(
      () => setSaved(true),
      (err: unknown) => setError(errorText(err, t, language)),
    );
  }

  return (
    <form
      className="market-schedule"
      onSubmit={submit}
      aria-labelledby="market-schedule-title"
      data-no-draft
      noValidate
    >
      <h3 id="market-schedule-title">{t('marketSchedule')}</h3>
      <p className="field-hint">{t('scheduleHint')}</p>
      <Field label={t('scheduleKind')}>
        {(a) => (
          <select {...a} value={schedule} onChange={(e) => setSchedule(e.target.value)}>
            <option value="상설">{t('scheduleDaily')}</option>
            <option value="5일장">{t('schedulePeriodic')}</option>
          </select>
        )}
      </Field>
      {schedule === '5일장' ? (
        <Field label={t('marketDays')} error={error ?? undefined}>
          {(a) => (
            <select {...a} value={days} onChange={(e) => setDays(e.target.value)}>
              <option value="">{t('chooseDays')}</option>
              {MARKET_DAYS.map((pair) => (
                <option key={pair} value={pair}>
                  {t('daysOption', { pair, dates: datesOf(pair) })}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {saved ? (
        <p className="notice notice-info" role="status">
          {t('scheduleSaved')}
        </p>
      ) : null}
      <Button type="submit">{t('saveSchedule')}</Button>
    </form>
  );
}
