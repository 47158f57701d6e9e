// One line for the stall detail and form: is there an active consent, and the way to the consent screen.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isConsentActive } from '../../../domain/consent-rules';
import { localToday, useConsents } from '../../db/repos/consents';
import { formatDate } from '../../i18n/format';

export function ConsentSummary({ stallId }: { stallId: string }) {
  const { t, i18n } = useTranslation('consent');
  const consents = useConsents(stallId);
  if (!consents) return null;
  const active = consents.find((c) => isConsentActive(c, localToday()));
  const lang = i18n.language === 'en' ? 'en' : 'ko';
  const text = active
    ? t('summaryActive', { until: formatDate(`${active.retentionUntil}T12:00:00`, 'date', lang) })
    : consents.some((c) => c.withdrawnAt)
      ? t('summaryWithdrawn')
      : t('summaryNone');
  return (
    <p className="consent-summary">
      <span>{text}</span>{' '}
      <Link to={`/consent/${encodeURIComponent(stallId)}`} className="btn btn-secondary">
        {active ? t('openRecord') : t('openForm')}
      </Link>
    </p>
  );
}
