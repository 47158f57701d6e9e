// A step's history (append-only stepEvents): who set which status, when, and why it was blocked.
import { useTranslation } from '../../i18n/use-translation';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { useStepEvents } from './use-checklist';

export function StepHistory({ stepId, no, names }: { stepId: string; no: number; names: Map<string, string> }) {
  const { t } = useTranslation('checklists');
  const language = useLanguage();
  const events = useStepEvents(stepId);
  if (!events) return null;
  return (
    <div>
      <h4 style={{ margin: '0.5rem 0 0.25rem' }}>{t('historyTitle', { no })}</h4>
      {events.length === 0 ? (
        <p>{t('historyEmpty')}</p>
      ) : (
        <ol aria-label={t('historyTitle', { no })} style={{ margin: 0, paddingLeft: '1.25rem' }}>
          {events.map((e) => (
            <li key={e.id}>
              <strong>{t(`status.${e.status}`)}</strong>
              {e.reason ? ` (${e.reason})` : ''} —{' '}
              {t('byAt', {
                who: e.tutorId ? (names.get(e.tutorId) ?? e.tutorId) : '—',
                when: formatDate(e.at, 'dateTime', language),
              })}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
