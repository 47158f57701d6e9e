// Today's visits for the tutor using the tablet (or all tutors): overdue planned ones first, the next one large,
// then the rest of the day by time.
import { useDeferredValue, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { AppLink } from '../../ui/app-link';
import { useTutorNames } from '../../db/repos/tutors';
import { useSession } from '../../db/session';
import { TodayMarketDay } from './market-day';
import { VisitCard } from './visit-card';
import { useDayVisits } from './use-visits';
import { useVisitActions } from './use-visit-actions';
import { useNow } from './use-now';
import { planToday } from './today-plan';
import './visits.css';

/**
 * Visit cards in Today's first commit: more than a 1024x768 or 768x1024 screen shows at first (two to four cards). The
 * others follow in a background render right after it (`useDeferredValue` with an initial value, as the stall
 * detail's lower part): a day has a dozen visits, and each card's render and layout were paid again in every tap back
 * to 오늘 (bench 4f; alternating probes at CPU 4x, 40 taps per build: median 50 -> 39 and 50 -> 47 ms; the cold start
 * did not change measurably in a 10-round A/B).
 */
const FIRST_CARDS = 4;

export function TodayVisits({ now: fixedNow }: { now?: Date }) {
  const now = useNow(fixedNow);
  const { t } = useTranslation('visits');
  const session = useSession();
  const names = useTutorNames();
  const actions = useVisitActions();
  const [allTutors, setAllTutors] = useState(false);
  const allCards = useDeferredValue(true, false);
  const tutorId = session?.tutorId ?? null;
  const rows = useDayVisits(session?.marketId, now, allTutors ? null : tutorId);
  if (!session || rows === undefined) return <p>{t('common:loading')}</p>;
  const plan = planToday(rows, now);
  let budget = allCards ? rows.length : FIRST_CARDS;
  const overdue = plan.overdue.slice(0, budget);
  budget -= overdue.length;
  const next = budget > 0 ? plan.next : null;
  if (next) budget -= 1;
  const rest = plan.rest.slice(0, Math.max(0, budget));
  const laterHeading = plan.next || plan.overdue.length > 0;
  const nameOf = (id: string | null) => (id ? names?.get(id) : null);
  return (
    <div className="today">
      <div className="visit-toolbar">
        {tutorId ? (
          <div role="group" aria-label={t('today.mine')} className="visit-toggle">
            <button type="button" className="btn" aria-pressed={!allTutors} onClick={() => setAllTutors(false)}>
              {t('today.mine')}
            </button>
            <button type="button" className="btn" aria-pressed={allTutors} onClick={() => setAllTutors(true)}>
              {t('today.all')}
            </button>
          </div>
        ) : (
          <p className="visit-hint">{t('today.noTutor')}</p>
        )}
        <p className="visit-count">{t('today.count', { count: rows.length })}</p>
      </div>
      <TodayMarketDay now={now} />
      {actions.error ? (
        <p className="notice notice-error" role="alert">
          {actions.error}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <div className="card visit-empty">
          <p>{t('today.empty')}</p>
          <AppLink className="btn btn-primary" to="/schedule">
            {t('today.toSchedule')}
          </AppLink>
        </div>
      ) : null}
      {overdue.length > 0 ? (
        <section aria-labelledby="today-overdue" className="visit-section visit-overdue">
          <h2 id="today-overdue">{t('today.overdue')}</h2>
          <ol className="visit-list">
            {overdue.map((r) => (
              <li key={r.visit.id}>
                <VisitCard row={r} tutorName={nameOf(r.visit.tutorId)} actions={actions} overdue />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {next ? (
        <section aria-labelledby="today-next" className="visit-section visit-next">
          <h2 id="today-next">{t('today.next')}</h2>
          <VisitCard row={next} tutorName={nameOf(next.visit.tutorId)} large actions={actions} />
        </section>
      ) : null}
      {rest.length > 0 ? (
        <section aria-labelledby={laterHeading ? 'today-later' : undefined} className="visit-section">
          {laterHeading ? <h2 id="today-later">{t('today.later')}</h2> : null}
          <ol className="visit-list" aria-label={t('today.count', { count: rows.length })}>
            {rest.map((r) => (
              <li key={r.visit.id}>
                <VisitCard row={r} tutorName={nameOf(r.visit.tutorId)} actions={actions} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
