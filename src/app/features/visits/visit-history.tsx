// A stall's visits: upcoming first (soonest first), then past ones (newest first), with status, tutor and length.
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../domain';
import { useTutorNames } from '../../db/repos/tutors';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { StatusBadge } from './status-badge';
import { useStallVisits } from './use-visits';
import './visits.css';

type Translate = ReturnType<typeof useTranslation<'visits'>>['t'];

// Plain function of the section's t and language (no hooks per line): a stall with many visits opens faster.
function VisitLine({
  visit,
  tutor,
  t,
  language,
}: {
  visit: Visit;
  tutor: string | null | undefined;
  t: Translate;
  language: ReturnType<typeof useLanguage>;
}) {
  const minutes =
    visit.status === 'done' && visit.actualMin !== null
      ? t('history.minutes', { count: visit.actualMin })
      : t('history.planned', { count: visit.durationMin });
  return (
    <li className="history-line">
      <span className="history-when">{formatDate(visit.scheduledAt, 'dateTime', language)}</span>{' '}
      <StatusBadge status={visit.status} />{' '}
      <span>{tutor ? t('history.by', { name: tutor }) : t('history.nobody')}</span>
      {' · '}
      <span>{minutes}</span>
      {visit.purpose ? <span className="history-purpose"> · {visit.purpose}</span> : null}
    </li>
  );
}

export function VisitHistory({ stallId }: { stallId: string }) {
  const { t } = useTranslation('visits');
  const language = useLanguage();
  const visits = useStallVisits(stallId);
  const names = useTutorNames();
  if (!visits) return <p>{t('common:loading')}</p>;
  const now = new Date().toISOString();
  const upcoming = visits.filter((v) => v.status === 'scheduled' && v.scheduledAt >= now).reverse();
  const past = visits.filter((v) => !upcoming.includes(v));
  const tutor = (v: Visit) => (v.tutorId ? names?.get(v.tutorId) : null);
  return (
    <section className="visit-history" aria-labelledby={`history-${stallId}`}>
      <h2 id={`history-${stallId}`}>{t('history.title')}</h2>
      {visits.length === 0 ? <p>{t('history.empty')}</p> : null}
      {upcoming.length > 0 ? (
        <>
          <h3>{t('history.upcoming')}</h3>
          <ul className="history-list" aria-label={t('history.upcoming')}>
            {upcoming.map((v) => (
              <VisitLine key={v.id} visit={v} tutor={tutor(v)} t={t} language={language} />
            ))}
          </ul>
        </>
      ) : null}
      {past.length > 0 ? (
        <>
          <h3>{t('history.past')}</h3>
          <ul className="history-list" aria-label={t('history.past')}>
            {past.map((v) => (
              <VisitLine key={v.id} visit={v} tutor={tutor(v)} t={t} language={language} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
