// Service-worker notices (update available, ready offline, install) shown above every screen.
import { useEffect } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { requestPersistence } from './storage';
import { useInstallPrompt } from './use-install-prompt';
import { UpdateBanner } from './update-banner';
import { OfflineReadyNotice } from './offline-ready-notice';
import { InstallNotices } from './install-notices';
import './pwa.css';

/** The build this page runs (VITE_BUILD_ID at build time); a new build means a new service worker. */
export const BUILD_ID: string = import.meta.env.VITE_BUILD_ID ?? 'dev';

const UPDATE_CHECK_MS = 60 * 60 * 1000;

export function PwaBanners() {
  const { t } = useTranslation('pwa');
  const {
    needRefresh: [needRefresh],
    offlineReady: [offlineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      // A tablet stays open all day: look for a new version every hour while online.
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine && !registration.installing) void registration.update().catch(() => undefined);
      }, UPDATE_CHECK_MS);
    },
  });
  const install = useInstallPrompt();

  useEffect(() => {
    document.documentElement.dataset.build = BUILD_ID;
    void requestPersistence();
  }, []);

  return (
    <section className="pwa-banners" aria-label={t('region')}>
      <UpdateBanner needRefresh={needRefresh} onUpdate={() => void updateServiceWorker(true)} />
      <OfflineReadyNotice offlineReady={offlineReady} />
      <InstallNotices {...install} />
    </section>
  );
}
