// The 15-step channel-setup checklist of one stall, with overall progress. Used on stall detail and, compact
// (open steps first, done ones hidden until asked), during a visit.
import { memo, useCallback, useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { StepStatus } from '../../../domain';
import { getDb } from '../../db/database';
import { progressOf, setStepStatus, type ChecklistItem } from '../../db/repos/steps';
import { useTutorNames } from '../../db/repos/tutors';
import { readTutorId } from '../../db/session';
import { useLanguage } from '../../i18n/use-language';
import { Button } from '../../ui/button';
import { errorText } from '../../ui/error-text';
import { StepRow, stepLabels } from './step-row';
import './checklists.css';
import { useChecklist } from './use-checklist';

export interface ChecklistPanelProps {
  stallId: string;
  compact?: boolean;
}

const NO_NAMES = new Map<string, string>();

/** The checklist reading its own data (during a visit); the stall detail reads it with the rest (ChecklistView). */
export function ChecklistPanel({ stallId, compact = false }: ChecklistPanelProps) {
  const { t } = useTranslation('checklists');
  const items = useChecklist(stallId);
  const names = useTutorNames();
  if (!items) return <p>{t('common:loading')}</p>;
  return <ChecklistView stallId={stallId} compact={compact} items={items} names={names ?? NO_NAMES} />;
}

export interface ChecklistViewProps extends ChecklistPanelProps {
  items: ChecklistItem[];
  /** Tutor id -> name, for who changed a step. */
  names: Map<string, string>;
  /** Render only the first this many steps for now (the stall detail's first commit; the rest comes next). */
  limit?: number | undefined;
}

// Memoized: the stall detail re-renders it only when its checklist or the names changed.
export const ChecklistView = memo(function ChecklistView({
  stallId,
  compact = false,
  items,
  names,
  limit,
}: ChecklistViewProps) {
  const { t } = useTranslation('checklists');
  const language = useLanguage();
  const [showAll, setShowAll] = useState(!compact);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const labels = useMemo(() => stepLabels(t), [t]);
  // One stable handler for every row (StepRow is memoized): a tick re-renders the changed row only.
  const change = useCallback(
    async (no: number, status: StepStatus, reason?: string): Promise<boolean> => {
      try {
        const tutorId = await readTutorId();
        await setStepStatus(getDb(), { stallId, no, status, reason: reason ?? '', tutorId });
        setErrors(({ [no]: _gone, ...rest }) => rest);
        return true;
      } catch (err) {
        setErrors((e) => ({ ...e, [no]: errorText(err, t, language) }));
        return false;
      }
    },
    [stallId, t, language],
  );
  const progress = progressOf(items);
  const shown = showAll ? items : items.filter((i) => i.status === 'todo' || i.status === 'blocked');

  return (
    <section aria-labelledby={`checklist-${stallId}`}>
      <div className="title-row checklist-head">
        <h2 id={`checklist-${stallId}`}>{t('title')}</h2>
        <strong>{t('progress', { complete: progress.complete, total: progress.total })}</strong>
        {progress.blocked > 0 ? (
          <span className="badge badge-bad">{t('blockedCount', { count: progress.blocked })}</span>
        ) : null}
      </div>
      <progress
        aria-label={t('progressLabel')}
        value={progress.complete}
        max={progress.total}
        className="checklist-progress"
      />
      {compact ? <Button onClick={() => setShowAll((v) => !v)}>{showAll ? t('showOpen') : t('showAll')}</Button> : null}
      {shown.length === 0 ? <p>{t('allDone')}</p> : null}
      <ol className="checklist-steps">
        {(limit === undefined ? shown : shown.slice(0, limit)).map((item) => (
          <StepRow
            key={item.id}
            item={item}
            names={names}
            error={errors[item.template.no] ?? null}
            onChange={change}
            t={t}
            language={language}
            labels={labels}
          />
        ))}
      </ol>
    </section>
  );
});
