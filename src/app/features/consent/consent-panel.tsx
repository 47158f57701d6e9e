// A stall's consent: what is on record (who, when, how, until when), the form to record one, and withdrawal
// (which erases the merchant's name and phone on every tablet and the server, keeping channel progress).
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { isConsentActive } from '../../../domain/consent-rules';
import { getDb } from '../../db/database';
import { localToday, useConsents, withdrawConsent } from '../../db/repos/consents';
import { useTutorNames } from '../../db/repos/tutors';
import { formatDate } from '../../i18n/format';
import { Button } from '../../ui/button';
import { ConsentForm } from './consent-form';

export function ConsentPanel({ stallId, tutorId }: { stallId: string; tutorId: string | null }) {
  const { t, i18n } = useTranslation('consent');
  const lang = i18n.language === 'en' ? 'en' : 'ko';
  const consents = useConsents(stallId);
  const names = useTutorNames();
  const [mode, setMode] = useState<'view' | 'form' | 'confirm'>('view');
  const [notice, setNotice] = useState<string | null>(null);
  if (!consents) return null;
  const today = localToday();
  const active = consents.find((c) => isConsentActive(c, today));

  if (mode === 'form') {
    return (
      <ConsentForm
        stallId={stallId}
        tutorId={tutorId}
        onDone={(recorded) => {
          setMode('view');
          setNotice(recorded ? t('recorded') : null);
        }}
      />
    );
  }
  return (
    <section className="consent-panel" aria-labelledby="consent-panel-title">
      <h2 id="consent-panel-title">{t('activeTitle')}</h2>
      {notice ? (
        <p className="notice notice-info" role="status">
          {notice}
        </p>
      ) : null}
      {active ? (
        <p>
          {t('activeSummary', {
            date: formatDate(active.consentedAt, 'dateTime', lang),
            tutor: (active.tutorId && names?.get(active.tutorId)) ?? '—',
            method: t(`method_${active.method}`),
            until: formatDate(`${active.retentionUntil}T12:00:00`, 'date', lang),
          })}{' '}
          <span className="field-hint">{t('deviceLine', { device: active.deviceId })}</span>
        </p>
      ) : (
        <p>{t('none')}</p>
      )}
      {consents
        .filter((c) => c.withdrawnAt)
        .map((c) => (
          <p key={c.id} className="field-hint">
            {t('withdrawn', { date: formatDate(c.withdrawnAt ?? c.updatedAt, 'dateTime', lang) })}
          </p>
        ))}
      {mode === 'confirm' ? (
        <div className="notice notice-warn" role="alertdialog" aria-label={t('withdraw')}>
          <p>{t('withdrawConfirm')}</p>
          <Button onClick={() => setMode('view')}>{t('cancel')}</Button>{' '}
          <Button
            variant="danger"
            onClick={() =>
              void withdrawConsent(getDb(), stallId, tutorId).then(() => {
                setMode('view');
                setNotice(t('withdrawDone'));
              })
            }
          >
            {t('confirmWithdraw')}
          </Button>
        </div>
      ) : (
        <div className="screen-actions">
          {!active ? (
            <Button variant="primary" size="large" onClick={() => setMode('form')}>
              {t('openForm')}
            </Button>
          ) : (
            <Button variant="danger" onClick={() => setMode('confirm')}>
              {t('withdraw')}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
