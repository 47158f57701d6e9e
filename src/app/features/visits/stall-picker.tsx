// Searchable stall picker: type part of a name, merchant or place, then choose from the matches.
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { StallBrief } from '../../db/repos/visits';
import { Field } from '../../ui/field';
import { locationText } from './location';

const MAX_SHOWN = 60;

export interface StallPickerProps {
  stalls: readonly (StallBrief & { merchantName: string })[];
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
}

export function StallPicker({ stalls, value, onChange, error }: StallPickerProps) {
  const { t } = useTranslation('visits');
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query.trim().toLowerCase());
  const shown = useMemo(() => {
    const hits = q
      ? stalls.filter((s) =>
          [s.name, s.merchantName, s.building, s.row, s.number, s.landmark].join(' ').toLowerCase().includes(q),
        )
      : stalls;
    const top = hits.slice(0, MAX_SHOWN);
    const chosen = stalls.find((s) => s.id === value);
    return chosen && !top.includes(chosen) ? [chosen, ...top] : top;
  }, [stalls, q, value]);
  return (
    <>
      <Field label={t('form.stallSearch')} hint={t('form.stallSearchHint')}>
        {(p) => <input {...p} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />}
      </Field>
      <Field label={t('form.stall')} error={error}>
        {(p) => (
          <select {...p} value={value} onChange={(e) => onChange(e.target.value)} className="stall-picker-results">
            <option value="">{shown.length ? t('form.chooseStall') : t('form.noStallMatch')}</option>
            {shown.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} · {locationText(s, t)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
