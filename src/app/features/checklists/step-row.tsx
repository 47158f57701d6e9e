// One checklist step: its title, status with who and when, the four status buttons, and its history.
import { memo, useId, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { STEP_STATUSES, type StepStatus } from '../../../domain';
import type { ChecklistItem } from '../../db/repos/steps';
import { formatDate } from '../../i18n/format';
import type { useLanguage } from '../../i18n/use-language';
import { Button } from '../../ui/button';
import { BlockReasonForm } from './block-reason-form';
import { StepHistory } from './step-history';

const BADGE: Record<StepStatus, string> = { todo: '', done: 'badge-ok', blocked: 'badge-bad', na: 'badge-warn' };

type Translate = ReturnType<typeof useTranslation>['t'];

/** The words every row shows the same, looked up once per panel (not 6 i18next lookups per row). */
export interface StepLabels {
  status: Record<StepStatus, string>;
  history: string;
  hideHistory: string;
}

export function stepLabels(t: Translate): StepLabels {
  return {
    status: { todo: t('status.todo'), done: t('status.done'), blocked: t('status.blocked'), na: t('status.na') },
    history: t('history'),
    hideHistory: t('hideHistory'),
  };
}

export interface StepRowProps {
  item: ChecklistItem;
  names: Map<string, string>;
  error: string | null;
  /** Stable across renders (the panel's one handler), so a tick re-renders only the row it changed. */
  onChange: (no: number, status: StepStatus, reason?: string) => Promise<boolean>;
  /** The panel's `t`, language and labels: no translation hooks per row (15 rows render on each stall opening). */
  t: Translate;
  language: ReturnType<typeof useLanguage>;
  labels: StepLabels;
}

export const StepRow = memo(function StepRow({ item, names, error, onChange, t, language, labels }: StepRowProps) {
  const titleId = useId();
  const [asking, setAsking] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const { template: tpl } = item;
  const title = `${tpl.no}. ${language === 'ko' ? tpl.ko : tpl.en}`;

  return (
    <li aria-labelledby={titleId} className="card step-row">
      <div className="title-row step-head">
        <h3 id={titleId}>{title}</h3>
        <span className={`badge ${BADGE[item.status]}`}>{labels.status[item.status]}</span>
      </div>
      <p className="step-detail">{language === 'ko' ? tpl.detailKo : tpl.detailEn}</p>
      {item.status === 'blocked' && item.reason ? (
        <p className="step-reason">
          {t('reason')}: {item.reason}
        </p>
      ) : null}
      {item.at ? (
        <p className="step-by">
          {t('byAt', {
            who: item.by ? (names.get(item.by) ?? item.by) : '—',
            when: formatDate(item.at, 'dateTime', language),
          })}
        </p>
      ) : null}
      <div role="group" aria-label={t('stepStatus', { no: tpl.no })} className="step-buttons">
        {STEP_STATUSES.map((s) => (
          <Button
            key={s}
            aria-pressed={item.status === s}
            variant={s === 'blocked' ? 'danger' : 'secondary'}
            onClick={() => {
              if (s === 'blocked') setAsking(true);
              else void onChange(tpl.no, s);
            }}
          >
            {labels.status[s]}
          </Button>
        ))}
        <Button variant="ghost" aria-expanded={showHistory} onClick={() => setShowHistory((v) => !v)}>
          {showHistory ? labels.hideHistory : labels.history}
        </Button>
      </div>
      {asking ? (
        <BlockReasonForm
          initial={item.status === 'blocked' ? item.reason : ''}
          onCancel={() => setAsking(false)}
          onSave={(reason) => void onChange(tpl.no, 'blocked', reason).then((ok) => ok && setAsking(false))}
        />
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {showHistory ? <StepHistory stepId={item.id} no={tpl.no} names={names} /> : null}
    </li>
  );
});
