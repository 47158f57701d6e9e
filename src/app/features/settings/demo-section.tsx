// The demo market: load it in one tap (or start it over), or remove it; always marked as demo.
import { useTranslation } from '../../i18n/use-translation';
import { useSession } from '../../db/session';
import { Button } from '../../ui/button';
import { useDemo } from './use-demo';

export function DemoSection() {
  const { t } = useTranslation('settings');
  const session = useSession();
  const demo = useDemo();
  const active = session?.demo === true;
  return (
    <section className="card settings-section" aria-labelledby="settings-demo">
      <h2 id="settings-demo">{t('demo.title')}</h2>
      <p>{t('demo.explain')}</p>
      {active ? <p className="badge badge-demo">{t('demo.active')}</p> : null}
      <div className="settings-row">
        <Button variant={active ? 'secondary' : 'primary'} disabled={demo.busy} onClick={() => void demo.load()}>
          {active ? t('demo.reload') : t('demo.load')}
        </Button>
        {active ? (
          <Button variant="danger" disabled={demo.busy} onClick={() => void demo.clear()}>
            {t('demo.clear')}
          </Button>
        ) : null}
      </div>
      {demo.message ? (
        <p className="notice notice-info" role="status">
          {demo.message}
        </p>
      ) : null}
      {demo.error ? (
        <p className="notice notice-error" role="alert">
          {demo.error}
        </p>
      ) : null}
    </section>
  );
}
