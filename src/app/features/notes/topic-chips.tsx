// Topics of a note: preset chips to tap, plus free text for anything else.
import { useId, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Button } from '../../ui/button';

const PRESETS = ['channel', 'profile', 'coupon', 'welcome', 'post', 'message', 'friends', 'business', 'qr', 'chat'];

export function TopicChips({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (topics: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('notes');
  const [custom, setCustom] = useState('');
  const inputId = useId();
  const presetLabels = PRESETS.map((p) => t(`topicPresets.${p}`));
  const extra = value.filter((v) => !presetLabels.includes(v));
  const toggle = (topic: string) =>
    onChange(value.includes(topic) ? value.filter((v) => v !== topic) : [...value, topic]);
  const addCustom = () => {
    const topic = custom.trim().slice(0, 40);
    if (topic && !value.includes(topic)) onChange([...value, topic]);
    setCustom('');
  };
  return (
    <fieldset className="field">
      <legend style={{ fontWeight: 600 }}>{t('topics')}</legend>
      <div style={{ display: 'flex', gap: '0.4rem', flexWrap: 'wrap' }}>
        {presetLabels.map((label) => (
          <Button key={label} aria-pressed={value.includes(label)} onClick={() => toggle(label)}>
            {label}
          </Button>
        ))}
        {extra.map((topic) => (
          <Button key={topic} aria-pressed aria-label={t('removeTopic', { topic })} onClick={() => toggle(topic)}>
            {topic} ✕
          </Button>
        ))}
      </div>
      <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'end', marginTop: '0.5rem' }}>
        <div className="field" style={{ flex: 1, margin: 0 }}>
          <label htmlFor={inputId}>{t('customTopic')}</label>
          <input
            id={inputId}
            value={custom}
            maxLength={40}
            onChange={(e) => setCustom(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addCustom();
              }
            }}
          />
        </div>
        <Button onClick={addCustom}>{t('addTopic')}</Button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
