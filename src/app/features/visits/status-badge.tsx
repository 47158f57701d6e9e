// A visit's status in words (never only a colour).
import { useTranslation } from 'react-i18next';
import type { VisitStatus } from '../../../domain';

const TONE: Record<VisitStatus, string> = {
  scheduled: 'badge-warn',
  done: 'badge-ok',
  missed: 'badge-bad',
  cancelled: 'badge-muted',
  rescheduled: 'badge-muted',
};

export function StatusBadge({ status }: { status: VisitStatus }) {
  const { t } = useTranslation('visits');
  return <span className={`badge ${TONE[status]}`}>{t(`status.${status}`)}</span>;
}
