// A visit's status in words (never only a colour).
import { useTranslation } from '../../i18n/use-translation';
import type { VisitStatus } from '../../../domain';

const TONE: Record<VisitStatus, string> = {
  scheduled: 'badge-warn',
  done: 'badge-ok',
  missed: 'badge-bad',
  cancelled: 'badge-muted',
  rescheduled: 'badge-muted',
};

/** The badge with its words looked up here (one useTranslation per badge). */
export function StatusBadge({ status }: { status: VisitStatus }) {
  const { t } = useTranslation('visits');
  return <StatusBadgeText status={status} label={t(`status.${status}`)} />;
}

/** The badge with words the caller looked up: a list of ≈ 20 visit lines needs no hook per line (bench 4c). */
export function StatusBadgeText({ status, label }: { status: VisitStatus; label: string }) {
  return <span className={`badge ${TONE[status]}`}>{label}</span>;
}
