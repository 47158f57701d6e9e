// "Dangol now works offline": shown once per tablet, the first time the app shell is cached.
import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { Button } from '../ui/button';

export const OFFLINE_READY_KEY = 'dangol.offlineReadyShown';

function alreadyShown(): boolean {
  try {
    return localStorage.getItem(OFFLINE_READY_KEY) === '1';
  } catch {
    return false;
  }
}

export function OfflineReadyNotice({ offlineReady }: { offlineReady: boolean }) {
  const { t } = useTranslation('pwa');
  const [wasShown] = useState(alreadyShown);
  const [closed, setClosed] = useState(false);
  const visible = offlineReady && !wasShown && !closed;

  useEffect(() => {
    if (!visible) return;
    try {
      localStorage.setItem(OFFLINE_READY_KEY, '1');
    } catch {
      // Storage unavailable: the notice may show once more; harmless.
    }
  }, [visible]);

  if (!visible) return null;
  return (
    <div className="notice notice-info" role="status">
      <span className="pwa-text">{t('offlineReady.text')}</span>
      <Button onClick={() => setClosed(true)}>{t('offlineReady.close')}</Button>
    </div>
  );
}
