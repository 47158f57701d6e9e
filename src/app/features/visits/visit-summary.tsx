// The head of the "during a visit" screen: when, where, who, status, and one tap to mark the visit done.
import { useTranslation } from '../../i18n/use-translation';
import type { VisitRow } from '../../db/repos/visits';
import { useTutorNames } from '../../db/repos/tutors';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { Button } from '../../ui/button';
import { locationText } from './location';
import { StatusBadge } from './status-badge';
import { useVisitActions } from './use-visit-actions';
import './visits.css';

export function VisitSummary({ row }: { row: VisitRow }) {
  const { t } = useTranslation('visits');
  const language = useLanguage();
  const names = useTutorNames();
  const actions = useVisitActions();
  const { visit, stall } = row;
  const tutor = visit.tutorId ? names?.get(visit.tutorId) : null;
  return (
    <div className="card visit-summary">
      <p className="visit-time">
        {formatDate(visit.scheduledAt, 'dateTime', language)} · {t('minutes', { count: visit.durationMin })}
      </p>
      {stall ? <p className="visit-place">{locationText(stall, t)}</p> : null}
      <p className="visit-meta">
        <StatusBadge status={visit.status} /> {tutor ? t('history.by', { name: tutor }) : t('history.nobody')}
      </p>
      {visit.purpose ? <p className="visit-purpose">{visit.purpose}</p> : null}
      {visit.status === 'scheduled' ? (
        <Button variant="primary" size="large" onClick={() => void actions.complete(visit)}>
          {t('during.finish')}
        </Button>
      ) : visit.status === 'done' ? (
        <p className="notice notice-info" role="status">
          {t('during.finished')}
          {visit.actualMin !== null ? ` · ${t('today.tookMin', { count: visit.actualMin })}` : ''}
        </p>
      ) : null}
      {actions.error ? (
        <p className="notice notice-error" role="alert">
          {actions.error}
        </p>
      ) : null}
    </div>
  );
}
