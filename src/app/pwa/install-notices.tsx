// The install button (where the browser offers one) and the iPad/iPhone "Add to Home Screen" hint.
import { useTranslation } from '../i18n/use-translation';
import { Button } from '../ui/button';

export interface InstallNoticesProps {
  canInstall: boolean;
  install(): Promise<void>;
  dismissInstall(): void;
  showIosHint: boolean;
  dismissIosHint(): void;
}

export function InstallNotices({
  canInstall,
  install,
  dismissInstall,
  showIosHint,
  dismissIosHint,
}: InstallNoticesProps) {
  const { t } = useTranslation('pwa');
  return (
    <>
      {canInstall ? (
        <div className="notice notice-info" role="status">
          <span className="pwa-text">{t('install.text')}</span>
          <Button variant="primary" onClick={() => void install()}>
            {t('install.action')}
          </Button>
          <Button variant="ghost" onClick={dismissInstall}>
            {t('install.later')}
          </Button>
        </div>
      ) : null}
      {showIosHint ? (
        <div className="notice notice-info" role="status">
          <span className="pwa-text">{t('iosHint.text')}</span>
          <Button onClick={dismissIosHint}>{t('iosHint.close')}</Button>
        </div>
      ) : null}
    </>
  );
}
