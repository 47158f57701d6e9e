// The top of /sync: the state in words, what waits to be sent, the last sync, and "sync now" / pause.
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Button } from '../../ui/button';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { getSyncEngine, useDemoState, useSyncStatus } from '../../sync/index';

export function SyncSummary() {
  const { t } = useTranslation('sync-status');
  const language = useLanguage();
  const s = useSyncStatus();
  const demo = useDemoState();
  const [busy, setBusy] = useState(false);
  const engine = getSyncEngine();
  const canSync = s.mode !== 'unenrolled';
  const explain = s.mode === 'unenrolled' && demo?.demo ? t('explain.demo') : t(`explain.${s.mode}`);
  const serverMessage =
    s.lastError?.kind === 'storage_full'
      ? t('common:quotaError')
      : s.lastError
        ? ((language === 'ko' ? s.lastError.messageKo : undefined) ?? s.lastError.message)
        : null;

  const syncNow = async () => {
    setBusy(true);
    try {
      await engine.syncNow();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="sync-state" className="card">
      <h2 id="sync-state">{t(`mode.${s.mode}`)}</h2>
      <p role="status">{explain}</p>
      {serverMessage && s.mode !== 'online' ? (
        <p>{s.lastError?.kind === 'storage_full' ? serverMessage : t('serverSaid', { message: serverMessage })}</p>
      ) : null}
      {s.retryAt ? <p>{t('retryAt', { time: formatDate(s.retryAt, 'time', language) })}</p> : null}
      <dl className="sync-facts">
        <dt>{t('pending')}</dt>
        <dd>{t('pendingCount', { count: s.pendingCount })}</dd>
        <dt>{t('lastSync')}</dt>
        <dd>{s.lastSyncAt ? formatDate(s.lastSyncAt, 'dateTime', language) : t('never')}</dd>
      </dl>
      {canSync ? (
        <div className="sync-actions">
          <Button
            variant="primary"
            size="large"
            onClick={() => void syncNow()}
            disabled={busy || s.syncing}
            aria-busy={busy || s.syncing}
          >
            {t('syncNow')}
          </Button>
          {s.mode === 'paused' ? (
            <Button onClick={() => engine.resume()}>{t('resume')}</Button>
          ) : s.mode !== 'revoked' && s.mode !== 'reauth' ? (
            <Button onClick={() => engine.pause()}>{t('pause')}</Button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
