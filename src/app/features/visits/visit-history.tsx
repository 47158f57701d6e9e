// A stall's visits: upcoming first (soonest first), then past ones (newest first), with status, tutor and length.
import { memo } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Visit } from '../../../domain';
import { useTutorNames } from '../../db/repos/tutors';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { StatusBadgeText } from './status-badge';
import { useStallVisits } from './use-visits';
import './visits.css';

type Translate = ReturnType<typeof useTranslation>['t'];

// Plain function of the section's words (no hooks per line): a stall with many visits opens faster.
function VisitLine({
  visit,
  statusText,
  who,
  minutes,
  language,
}: {
  visit: Visit;
  statusText: string;
  who: string;
  minutes: string;
  language: ReturnType<typeof useLanguage>;
}) {
  return (
    <li className="history-line">
      <span className="history-when">{formatDate(visit.scheduledAt, 'dateTime', language)}</span>{' '}
      <StatusBadgeText status={visit.status} label={statusText} /> <span>{who}</span>
      {' · '}
      <span>{minutes}</span>
      {visit.purpose ? <span className="history-purpose"> · {visit.purpose}</span> : null}
    </li>
  );
}

/** The section's words per line, each distinct text looked up once (20 lines share a few lengths and tutors). */
function lineWords(t: Translate, names: Map<string, string> | undefined) {
  const cache = new Map<string, string>();
  const once = (key: string, make: () => string) => {
    let text = cache.get(key);
    if (text === undefined) cache.set(key, (text = make()));
    return text;
  };
  return (v: Visit) => {
    const tutor = v.tutorId ? names?.get(v.tutorId) : null;
    const done = v.status === 'done' && v.actualMin !== null;
    const count = done ? (v.actualMin ?? 0) : v.durationMin;
    return {
      statusText: once(`status ${v.status}`, () => t(`status.${v.status}`)),
      who: tutor
        ? once(`by ${tutor}`, () => t('history.by', { name: tutor }))
        : once('nobody', () => t('history.nobody')),
      minutes: done
        ? once(`min ${count}`, () => t('history.minutes', { count }))
        : once(`plan ${count}`, () => t('history.planned', { count })),
    };
  };
}

/** A stall's visit history reading its own data; the stall detail reads it with the rest (VisitHistoryView). */
export function VisitHistory({ stallId }: { stallId: string }) {
  const { t } = useTranslation('visits');
  const visits = useStallVisits(stallId);
  const names = useTutorNames();
  if (!visits) return <p>{t('common:loading')}</p>;
  return <VisitHistoryView stallId={stallId} visits={visits} names={names} />;
}

export interface VisitHistoryViewProps {
  stallId: string;
  /** The stall's visits, newest first. */
  visits: Visit[];
  names: Map<string, string> | undefined;
}

// Memoized: the stall detail re-renders it only when the visits or the names changed.
export const VisitHistoryView = memo(function VisitHistoryView({ stallId, visits, names }: VisitHistoryViewProps) {
  const { t } = useTranslation('visits');
  const language = useLanguage();
  const now = new Date().toISOString();
  const upcoming = visits.filter((v) => v.status === 'scheduled' && v.scheduledAt >= now).reverse();
  const past = visits.filter((v) => !upcoming.includes(v));
  const words = lineWords(t, names);
  return (
    <section className="visit-history" aria-labelledby={`history-${stallId}`}>
      <h2 id={`history-${stallId}`}>{t('history.title')}</h2>
      {visits.length === 0 ? <p>{t('history.empty')}</p> : null}
      {upcoming.length > 0 ? (
        <>
          <h3>{t('history.upcoming')}</h3>
          <ul className="history-list" aria-label={t('history.upcoming')}>
            {upcoming.map((v) => (
              <VisitLine key={v.id} visit={v} language={language} {...words(v)} />
            ))}
          </ul>
        </>
      ) : null}
      {past.length > 0 ? (
        <>
          <h3>{t('history.past')}</h3>
          <ul className="history-list" aria-label={t('history.past')}>
            {past.map((v) => (
              <VisitLine key={v.id} visit={v} language={language} {...words(v)} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
});
