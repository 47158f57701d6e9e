// Storage status: whether the browser keeps our data from eviction, and used / quota in MB.
import { useTranslation } from '../../i18n/use-translation';
import { useStorageStatus } from '../../pwa/storage';
import { Button } from '../../ui/button';

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);

export function StorageSection() {
  const { t } = useTranslation('settings');
  const status = useStorageStatus();
  return (
    <section className="card settings-section" aria-labelledby="settings-storage">
      <h2 id="settings-storage">{t('storage.title')}</h2>
      <p className="settings-big">
        {status.persisted === null
          ? t('storage.unknown')
          : status.persisted
            ? t('storage.persisted')
            : t('storage.notPersisted')}
      </p>
      <p>
        {status.usage !== null && status.quota !== null
          ? t('storage.usage', { used: mb(status.usage), quota: mb(status.quota) })
          : t('storage.usageUnknown')}
      </p>
      {status.persisted === false ? (
        <Button onClick={() => void status.request()}>{t('storage.request')}</Button>
      ) : null}
    </section>
  );
}
