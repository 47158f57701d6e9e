// Load or remove the demo market, with the outcome (or the error) in words.
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { getDb } from '../../db/database';
import { clearDemoMarket, loadDemoMarket } from '../../db/repos/demo';
import { useLanguage } from '../../i18n/use-language';
import { errorText } from '../../ui/error-text';

export function useDemo() {
  const { t } = useTranslation('settings');
  const language = useLanguage();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(fn: () => Promise<unknown>, ok: string) {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await fn();
      setMessage(ok);
    } catch (err) {
      setError(errorText(err, t, language));
    } finally {
      setBusy(false);
    }
  }

  return {
    busy,
    message,
    error,
    load: () => run(() => loadDemoMarket(getDb()), t('demo.loaded')),
    clear: () => run(() => clearDemoMarket(getDb()), t('demo.cleared')),
  };
}
