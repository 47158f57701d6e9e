// Enrolling this tablet with a one-time code (and optionally another server). With the demo market loaded,
// the tutor is told that demo data is deleted and never sent, and must agree first.
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { useLanguage } from '../../i18n/use-language';
import { EnrollError, getSyncEngine, useDemoState } from '../../sync/index';

export function EnrollForm() {
  const { t } = useTranslation('sync-status');
  const language = useLanguage();
  const demo = useDemoState();
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [serverUrl, setServerUrl] = useState('');
  const [agree, setAgree] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      const res = await getSyncEngine().enroll({ code, deviceName, serverUrl, discardDemo: agree });
      setDone(t('enroll.done', { market: res.marketName }));
      setCode('');
    } catch (err) {
      if (err instanceof EnrollError) {
        const server = language === 'ko' ? err.messageKo : err.message;
        const words = t(`enroll.errors.${err.kind}`);
        setError(err.kind === 'invalid_code' && server ? `${words} (${server})` : words);
      } else {
        setError(String(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="sync-enroll" className="card">
      <h2 id="sync-enroll">{t('enroll.title')}</h2>
      <p>{t('enroll.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('enroll.code')}>
          {(p) => (
            <input
              {...p}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
            />
          )}
        </Field>
        <Field label={t('enroll.deviceName')} hint={t('enroll.deviceNameHint')}>
          {(p) => <input {...p} value={deviceName} onChange={(e) => setDeviceName(e.target.value)} />}
        </Field>
        <Field label={t('enroll.serverUrl')} hint={t('enroll.serverUrlHint')}>
          {(p) => (
            <input {...p} type="url" inputMode="url" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
          )}
        </Field>
        {demo?.demo ? (
          <div className="notice notice-warn">
            <p>{t('enroll.demoWarning', { count: demo.pendingDemoChanges })}</p>
            <label className="sync-agree">
              <input type="checkbox" checked={agree} onChange={(e) => setAgree(e.target.checked)} />{' '}
              {t('enroll.demoConfirm')}
            </label>
          </div>
        ) : null}
        {error ? (
          <p role="alert" className="field-error">
            {error}
          </p>
        ) : null}
        {done ? <p role="status">{done}</p> : null}
        <Button type="submit" variant="primary" size="large" disabled={busy}>
          {busy ? t('enroll.busy') : t('enroll.submit')}
        </Button>
      </form>
    </section>
  );
}
