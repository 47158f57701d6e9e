// One visit as a card: time, stall, place, tutor, purpose, status, and its one-tap actions.
import { useId, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { AppLink } from '../../ui/app-link';
import type { VisitRow } from '../../db/repos/visits';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { Button } from '../../ui/button';
import { locationText } from './location';
import { RescheduleForm } from './reschedule-form';
import { StatusBadge } from './status-badge';
import type { useVisitActions } from './use-visit-actions';

export interface VisitCardProps {
  row: VisitRow;
  tutorName?: string | null | undefined;
  large?: boolean;
  actions: ReturnType<typeof useVisitActions>;
  onEdit?: () => void;
  allowCancel?: boolean;
  /** Still planned but its time has passed: marked in words, actions stay. */
  overdue?: boolean;
}

export function VisitCard(props: VisitCardProps) {
  const { row, tutorName, large = false, actions, onEdit, allowCancel = false, overdue = false } = props;
  const { t } = useTranslation('visits');
  const language = useLanguage();
  const headingId = useId();
  const [mode, setMode] = useState<'idle' | 'reschedule' | 'cancel'>('idle');
  const { visit, stall } = row;
  const name = stall?.name ?? visit.stallId;
  const open = visit.status === 'scheduled';
  return (
    <article
      className={`card visit-card${large ? ' visit-card-large' : ''}${overdue ? ' visit-card-overdue' : ''}`}
      aria-labelledby={headingId}
    >
      <div className="visit-card-main">
        <p className="visit-time">
          {formatDate(visit.scheduledAt, 'time', language)}
          <span className="visit-duration"> · {t('minutes', { count: visit.durationMin })}</span>
        </p>
        <h3 id={headingId}>{name}</h3>
        {stall ? <p className="visit-place">{locationText(stall, t)}</p> : null}
        <p className="visit-meta">
          <StatusBadge status={visit.status} />{' '}
          {overdue ? <span className="badge badge-bad">{t('today.overdueBadge')}</span> : null}{' '}
          {tutorName ? t('history.by', { name: tutorName }) : t('history.nobody')}
          {visit.status === 'done' && visit.actualMin !== null
            ? ` · ${t('today.tookMin', { count: visit.actualMin })}`
            : ''}
        </p>
        {visit.purpose ? <p className="visit-purpose">{visit.purpose}</p> : null}
      </div>
      {mode === 'reschedule' ? (
        <RescheduleForm
          stallName={name}
          scheduledAt={visit.scheduledAt}
          onSubmit={(at) => actions.reschedule(visit, at)}
          onClose={() => setMode('idle')}
        />
      ) : mode === 'cancel' ? (
        <div className="visit-confirm" role="group" aria-label={t('cancelConfirm', { stall: name })}>
          <p>{t('cancelConfirm', { stall: name })}</p>
          <Button variant="danger" onClick={() => void actions.cancel(visit).then(() => setMode('idle'))}>
            {t('cancelYes')}
          </Button>
          <Button onClick={() => setMode('idle')}>{t('keep')}</Button>
        </div>
      ) : (
        <div className="visit-actions">
          {open ? (
            <>
              <Button variant="primary" size={large ? 'large' : 'normal'} onClick={() => void actions.complete(visit)}>
                {t('actions.done')}
              </Button>
              <Button size={large ? 'large' : 'normal'} onClick={() => void actions.missed(visit)}>
                {t('actions.missed')}
              </Button>
            </>
          ) : null}
          {open || visit.status === 'missed' ? (
            <Button size={large ? 'large' : 'normal'} onClick={() => setMode('reschedule')}>
              {t('actions.reschedule')}
            </Button>
          ) : null}
          {open ? (
            <AppLink className="btn btn-secondary" to={`/stalls/${visit.stallId}/visit/${visit.id}`}>
              {t('actions.open')}
            </AppLink>
          ) : null}
          {onEdit && open ? <Button onClick={onEdit}>{t('actions.edit')}</Button> : null}
          {allowCancel && open ? (
            <Button variant="danger" onClick={() => setMode('cancel')}>
              {t('actions.cancelVisit')}
            </Button>
          ) : null}
        </div>
      )}
    </article>
  );
}
