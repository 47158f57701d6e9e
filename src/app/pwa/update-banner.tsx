// "A new version is ready": reloads only when the tutor taps it, and hides while a text field has focus.
import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { Button } from '../ui/button';
import { useTextFieldFocus } from './use-text-focus';

const SNOOZE_MS = 30 * 60 * 1000;

export interface UpdateBannerProps {
  needRefresh: boolean;
  onUpdate(): void;
  /** How long after the last text field loses focus before the banner may appear. */
  settleMs?: number;
}

export function UpdateBanner({ needRefresh, onUpdate, settleMs }: UpdateBannerProps) {
  const { t } = useTranslation('pwa');
  const typing = useTextFieldFocus(settleMs);
  const [snoozed, setSnoozed] = useState(false);
  const [updating, setUpdating] = useState(false);

  // If the new version does not take over (e.g. another tab holds it), let the tutor try again.
  useEffect(() => {
    if (!updating) return;
    const timer = setTimeout(() => setUpdating(false), 10_000);
    return () => clearTimeout(timer);
  }, [updating]);

  useEffect(() => {
    if (!snoozed) return;
    const timer = setTimeout(() => setSnoozed(false), SNOOZE_MS);
    return () => clearTimeout(timer);
  }, [snoozed]);

  if (!needRefresh || typing || snoozed) return null;
  return (
    <div className="notice notice-info pwa-update" role="status">
      <span className="pwa-text">{t('update.text')}</span>
      <Button
        variant="primary"
        disabled={updating}
        onClick={() => {
          setUpdating(true);
          onUpdate();
        }}
      >
        {t('update.action')}
      </Button>
      <Button variant="ghost" onClick={() => setSnoozed(true)}>
        {t('update.later')}
      </Button>
    </div>
  );
}
