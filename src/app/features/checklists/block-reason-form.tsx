// Asks why a step is blocked (required), with common reasons one tap away.
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';

const PRESETS = ['noCertificate', 'noSmartphone', 'noKakao', 'away', 'later'] as const;

export function BlockReasonForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: string;
  onSave: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('checklists');
  const [reason, setReason] = useState(initial);
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim() === '') setError(t('reasonRequired'));
        else onSave(reason.trim());
      }}
    >
      <Field label={t('reason')} error={error}>
        {(p) => <input {...p} value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} autoFocus />}
      </Field>
      <div role="group" aria-label={t('reasonPresets')} style={{ display: 'flex', gap: '0.4rem', flexWrap: 'wrap' }}>
        {PRESETS.map((p) => (
          <Button key={p} onClick={() => (setReason(t(`presets.${p}`)), setError(undefined))}>
            {t(`presets.${p}`)}
          </Button>
        ))}
      </div>
      <div style={{ display: 'flex', gap: '0.5rem', marginTop: '0.5rem' }}>
        <Button type="submit" variant="danger">
          {t('saveBlocked')}
        </Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </div>
    </form>
  );
}
