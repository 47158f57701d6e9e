// Export all local data to a JSON file, and import such a file after a check and a confirmation.
// A broken, foreign or wrong-version file is refused with a message and changes nothing.
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { TFunction } from 'i18next';
import { getDb } from '../../db/database';
import { BackupError, exportBackup, importBackup, parseBackup, summarize, type Backup } from '../../db/repos/backup';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { Button } from '../../ui/button';
import { errorText } from '../../ui/error-text';
import { Field } from '../../ui/field';

function problemText(err: unknown, t: TFunction, language: 'ko' | 'en'): string {
  if (!(err instanceof BackupError)) return errorText(err, t, language);
  const p = err.problem;
  if (p.kind === 'not_json') return t('backup.errNotJson');
  if (p.kind === 'foreign') return t('backup.errForeign');
  if (p.kind === 'version') return t('backup.errVersion', { version: p.version });
  if (p.kind === 'market') return t('backup.errMarket');
  return t('backup.errInvalid', { where: p.where });
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function BackupSection() {
  const { t } = useTranslation('settings');
  const language = useLanguage();
  const [pending, setPending] = useState<Backup | null>(null);
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  async function onExport() {
    setNotice(null);
    try {
      const backup = await exportBackup(getDb());
      const file = `dangol-backup-${backup.marketId}-${backup.exportedAt.slice(0, 16).replace(/[:T]/g, '')}.json`;
      download(file, JSON.stringify(backup));
      setNotice({ kind: 'info', text: t('backup.exported', { file }) });
    } catch (err) {
      setNotice({ kind: 'error', text: problemText(err, t, language) });
    }
  }

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    setNotice(null);
    setPending(null);
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      setPending(parseBackup(await file.text()));
    } catch (err) {
      setNotice({
        kind: 'error',
        text: err instanceof BackupError ? problemText(err, t, language) : t('backup.errRead'),
      });
      setInputKey((k) => k + 1);
    }
  }

  async function onConfirm() {
    if (!pending) return;
    setBusy(true);
    try {
      const s = await importBackup(getDb(), pending);
      setNotice({ kind: 'info', text: t('backup.imported', { ...s }) });
    } catch (err) {
      setNotice({ kind: 'error', text: problemText(err, t, language) });
    } finally {
      setBusy(false);
      setPending(null);
      setInputKey((k) => k + 1);
    }
  }

  const summary = pending ? summarize(pending) : null;
  return (
    <section className="card settings-section" aria-labelledby="settings-backup">
      <h2 id="settings-backup">{t('backup.title')}</h2>
      <p>{t('backup.explain')}</p>
      <Button variant="primary" onClick={() => void onExport()}>
        {t('backup.export')}
      </Button>
      <Field label={t('backup.import')}>
        {(p) => (
          <input {...p} key={inputKey} type="file" accept="application/json,.json" onChange={(e) => void onFile(e)} />
        )}
      </Field>
      {pending && summary ? (
        <div className="notice notice-warn" role="group" aria-label={t('backup.confirmTitle')}>
          <p>
            <strong>{t('backup.confirmTitle')}</strong>{' '}
            {t('backup.confirmBody', { ...summary, exportedAt: formatDate(pending.exportedAt, 'dateTime', language) })}
          </p>
          <Button variant="danger" disabled={busy} onClick={() => void onConfirm()}>
            {t('backup.confirm')}
          </Button>
          <Button onClick={() => setPending(null)}>{t('common:cancel')}</Button>
        </div>
      ) : null}
      {notice ? (
        <p className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
    </section>
  );
}
