// The schedule: a week of visits beside the chosen visit or the booking form (list + detail on a tablet).
import { addDays, addWeeks } from 'date-fns';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useTutorNames } from '../../db/repos/tutors';
import { useSession } from '../../db/session';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { Button } from '../../ui/button';
import { SplitView } from '../../ui/split-view';
import { useTabletMarket } from './market-day';
import { mondayOf } from './time';
import { useVisitActions } from './use-visit-actions';
import { useVisit, useWeekVisits } from './use-visits';
import { VisitCard } from './visit-card';
import { VisitForm } from './visit-form';
import { WeekView } from './week-view';
import './visits.css';

type Pane = { kind: 'none' } | { kind: 'new' } | { kind: 'show'; id: string } | { kind: 'edit'; id: string };

export function WeekSchedule({ today = new Date() }: { today?: Date }) {
  const { t } = useTranslation('visits');
  const language = useLanguage();
  const session = useSession();
  const names = useTutorNames();
  const actions = useVisitActions();
  const [monday, setMonday] = useState(() => mondayOf(today));
  const [pane, setPane] = useState<Pane>({ kind: 'none' });
  const rows = useWeekVisits(session?.marketId, monday);
  const market = useTabletMarket();
  const selected = useVisit(pane.kind === 'show' || pane.kind === 'edit' ? pane.id : null);
  const range = t('week.range', {
    from: formatDate(monday, 'shortDate', language),
    to: formatDate(addDays(monday, 6), 'shortDate', language),
  });

  const list = (compact: boolean) => (
    <div className="week">
      <div className="week-nav">
        <h2 aria-live="polite">{range}</h2>
        <Button onClick={() => setMonday((m) => addWeeks(m, -1))}>{t('week.prev')}</Button>
        <Button onClick={() => setMonday(mondayOf(today))}>{t('week.thisWeek')}</Button>
        <Button onClick={() => setMonday((m) => addWeeks(m, 1))}>{t('week.next')}</Button>
        <Button variant="primary" onClick={() => setPane({ kind: 'new' })}>
          {t('actions.book')}
        </Button>
      </div>
      {rows ? (
        <WeekView
          monday={monday}
          rows={rows}
          compact={compact}
          market={market}
          today={today}
          selectedId={pane.kind === 'show' || pane.kind === 'edit' ? pane.id : null}
          onSelect={(r) => setPane({ kind: 'show', id: r.visit.id })}
        />
      ) : (
        <p>{t('common:loading')}</p>
      )}
    </div>
  );

  let detail = null;
  if (pane.kind === 'new') {
    detail = (
      <VisitForm
        onSaved={(id, at) => {
          setMonday(mondayOf(new Date(at)));
          setPane({ kind: 'show', id });
        }}
        onCancel={() => setPane({ kind: 'none' })}
      />
    );
  } else if (pane.kind === 'edit' && selected) {
    detail = (
      <VisitForm
        visit={selected.visit}
        onSaved={(id, at) => {
          setMonday(mondayOf(new Date(at)));
          setPane({ kind: 'show', id });
        }}
        onCancel={() => setPane({ kind: 'show', id: pane.id })}
      />
    );
  } else if (pane.kind === 'show' && selected) {
    detail = (
      <div className="visit-detail">
        {actions.error ? (
          <p className="notice notice-error" role="alert">
            {actions.error}
          </p>
        ) : null}
        <VisitCard
          row={selected}
          tutorName={selected.visit.tutorId ? names?.get(selected.visit.tutorId) : null}
          actions={actions}
          allowCancel
          onEdit={() => setPane({ kind: 'edit', id: pane.id })}
        />
        <Button onClick={() => setPane({ kind: 'none' })}>{t('common:close')}</Button>
      </div>
    );
  }
  // No visit open: the whole width for the week's seven columns; one open: days in one column beside it.
  if (detail === null) return list(false);
  return <SplitView list={list(true)} detail={detail} hasDetail />;
}
