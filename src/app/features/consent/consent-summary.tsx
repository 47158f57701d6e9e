// One line for the stall detail and form: is there an active consent, and the way to the consent screen.
import { memo } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { AppLink } from '../../ui/app-link';
import type { Consent } from '../../../domain';
import { isConsentActive } from '../../../domain/consent-rules';
import { localToday } from '../../db/repos/consents';
import { formatDate } from '../../i18n/format';
import './consent.css';

/** `consents`: the stall's consents, newest first (the stall detail reads them with the rest of the detail). */
export const ConsentSummary = memo(function ConsentSummary({
  stallId,
  consents,
}: {
  stallId: string;
  consents: Consent[];
}) {
  const { t, i18n } = useTranslation('consent');
  const active = consents.find((c) => isConsentActive(c, localToday()));
  const lang = i18n.language === 'en' ? 'en' : 'ko';
  const text = active
    ? t('summaryActive', { until: formatDate(`${active.retentionUntil}T12:00:00`, 'date', lang) })
    : consents.some((c) => c.withdrawnAt)
      ? t('summaryWithdrawn')
      : t('summaryNone');
  return (
    <p className="consent-summary">
      <span>{text}</span>
      <AppLink to={`/consent/${encodeURIComponent(stallId)}`} className="btn btn-secondary">
        {active ? t('openRecord') : t('openForm')}
      </AppLink>
    </p>
  );
});
