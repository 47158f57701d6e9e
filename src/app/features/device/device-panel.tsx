// Export and wipe at the end of a deployment. Wipe stays disabled (and the repo refuses it) while changes
// are unsynced and not covered by an export.
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { getDb } from '../../db/database';
import { exportMarketData, useWipeStatus, wipeTablet } from '../../db/repos/device';
import { formatDate } from '../../i18n/format';
import { Button } from '../../ui/button';
import { errorText } from '../../ui/error-text';

function download(name: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DevicePanel({ onWiped }: { onWiped: () => void }) {
  const { t, i18n } = useTranslation('device');
  const lang = i18n.language === 'en' ? 'en' : 'ko';
  const status = useWipeStatus();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!status) return null;

  async function doExport() {
    const data = await exportMarketData(getDb());
    download(`dangol-${data.marketId ?? 'market'}-${data.exportedAt.slice(0, 10)}.json`, data);
    setMessage({ ok: true, text: t('exported') });
  }

  async function doWipe() {
    try {
      await wipeTablet(getDb());
      onWiped();
    } catch (err) {
      setConfirming(false);
      setMessage({ ok: false, text: errorText(err, t, lang) });
    }
  }

  return (
    <section className="card" aria-labelledby="device-title">
      <h2 id="device-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      <p>{t('pending', { count: status.pending })}</p>
      <p>
        {status.lastExport
          ? t('lastExport', { date: formatDate(status.lastExport.at, 'dateTime', lang) })
          : t('neverExported')}
      </p>
      {message ? (
        <p className={message.ok ? 'notice notice-info' : 'field-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
      <div className="screen-actions">
        <Button variant="primary" onClick={() => void doExport()}>
          {t('export')}
        </Button>
        <Button variant="danger" disabled={!status.canWipe} onClick={() => setConfirming(true)}>
          {t('wipe')}
        </Button>
      </div>
      {!status.canWipe ? <p className="field-hint">{t('wipeBlocked')}</p> : null}
      {confirming ? (
        <div className="notice notice-warn" role="alertdialog" aria-label={t('wipe')}>
          <p>{t('wipeConfirm')}</p>
          <Button onClick={() => setConfirming(false)}>{t('cancel')}</Button>{' '}
          <Button variant="danger" onClick={() => void doWipe()}>
            {t('confirmWipe')}
          </Button>
        </div>
      ) : null}
      <p className="field-hint">{t('revokeHint')}</p>
    </section>
  );
}
