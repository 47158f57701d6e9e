// First start with no market: try the demo market, or enroll the tablet (the sync screen).
import { useTranslation } from '../../i18n/use-translation';
import { AppLink } from '../../ui/app-link';
import { Button } from '../../ui/button';
import { useDemo } from './use-demo';
import './settings.css';

export function WelcomeCard() {
  const { t } = useTranslation('settings');
  const demo = useDemo();
  return (
    <section className="card welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{t('welcome.title')}</h2>
      <p>{t('welcome.body')}</p>
      <div className="settings-row">
        <Button variant="primary" size="large" disabled={demo.busy} onClick={() => void demo.load()}>
          {t('demo.load')}
        </Button>
        <AppLink className="btn btn-secondary btn-large" to="/sync">
          {t('welcome.enroll')}
        </AppLink>
      </div>
      {demo.error ? (
        <p className="notice notice-error" role="alert">
          {demo.error}
        </p>
      ) : null}
    </section>
  );
}
