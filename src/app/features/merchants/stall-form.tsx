// Add or edit a stall and its merchant and channel facts. Validated by the shared schema; one write or none.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, type UseFormRegisterReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from '../../i18n/use-translation';
import { BUSINESS_STATUSES, CATEGORIES, type Stall } from '../../../domain';
import { getDb } from '../../db/database';
import { createStall, emptyStall, updateStall, type StallFields } from '../../db/repos/stalls';
import { readTutorId } from '../../db/session';
import { useLanguage } from '../../i18n/use-language';
import { Button } from '../../ui/button';
import { errorText } from '../../ui/error-text';
import { Field } from '../../ui/field';
import { categoryLabel } from './location';
import { StallFormSchema, stallErrorMap, type StallFormValues } from './stall-form-schema';

function toValues(s: StallFields): StallFormValues {
  const { friendCountAt: _a, deleted: _d, ...v } = s;
  return v;
}

/** Only what the tutor changed, so a concurrent edit of other fields on another tablet survives. */
function changedFields(before: Stall, values: StallFormValues): Partial<StallFields> {
  const out: Partial<Record<keyof StallFormValues, unknown>> = {};
  for (const k of Object.keys(values) as (keyof StallFormValues)[]) {
    if (values[k] !== before[k]) out[k] = values[k];
  }
  const changed = out as Partial<StallFields>;
  if ('friendCount' in changed) changed.friendCountAt = new Date().toISOString();
  return changed;
}

export interface StallFormProps {
  /** The stall to edit; absent for a new stall. */
  stall?: Stall;
  onDone: (stallId: string) => void;
  onCancel: () => void;
}

export function StallForm({ stall, onDone, onCancel }: StallFormProps) {
  const { t } = useTranslation('merchants');
  const language = useLanguage();
  const [saveError, setSaveError] = useState<string | null>(null);
  const resolver = useMemo(() => zodResolver(StallFormSchema, { error: stallErrorMap(t) }), [t]);
  const { register, handleSubmit, formState, reset } = useForm<StallFormValues>({
    resolver,
    defaultValues: toValues(stall ?? emptyStall()),
  });
  const loadedId = useRef(stall?.id);
  useEffect(() => {
    // Another stall opened in the same form: start from its values (never while the tutor types in one).
    if (stall && loadedId.current !== stall.id) {
      loadedId.current = stall.id;
      reset(toValues(stall));
    }
  }, [stall, reset]);

  const onSubmit = handleSubmit(async (values) => {
    setSaveError(null);
    try {
      const tutorId = await readTutorId();
      if (stall) {
        await updateStall(getDb(), stall.id, changedFields(stall, values), tutorId);
        onDone(stall.id);
      } else {
        const at = values.friendCount > 0 ? new Date().toISOString() : null;
        onDone(await createStall(getDb(), { ...emptyStall(), ...values, friendCountAt: at }, tutorId));
      }
    } catch (err) {
      setSaveError(errorText(err, t, language));
    }
  });

  const err = (k: keyof StallFormValues) => formState.errors[k]?.message;
  const text = (k: keyof StallFormValues, opts: { hint?: string; type?: string; reg?: UseFormRegisterReturn } = {}) => (
    <Field label={t(`form.${k}`)} error={err(k)} {...(opts.hint ? { hint: opts.hint } : {})}>
      {(p) => <input {...p} type={opts.type ?? 'text'} {...(opts.reg ?? register(k))} />}
    </Field>
  );
  const hasErrors = Object.keys(formState.errors).length > 0;

  return (
    <form onSubmit={onSubmit} noValidate className="card" aria-labelledby="stall-form-title">
      <h2 id="stall-form-title">{stall ? t('form.editTitle') : t('form.newTitle')}</h2>
      <fieldset>
        <legend>{t('form.sectionStall')}</legend>
        {text('name')}
        <Field label={t('form.category')} error={err('category')}>
          {(p) => (
            <select {...p} {...register('category')}>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {categoryLabel(c, t)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('form.sectionLocation')}</legend>
        {text('building')}
        {text('floor')}
        {text('row')}
        {text('number')}
        {text('landmark')}
      </fieldset>
      <fieldset>
        <legend>{t('form.sectionMerchant')}</legend>
        {text('merchantName', { hint: t('form.personalHint') })}
        {text('merchantPhone', { hint: t('form.personalHint'), type: 'tel' })}
      </fieldset>
      <fieldset>
        <legend>{t('form.sectionChannel')}</legend>
        {text('channelName')}
        {text('channelSearchId', { hint: t('form.searchIdHint') })}
        {text('channelUrl', { type: 'url' })}
        <label style={{ display: 'flex', alignItems: 'center', gap: '0.75rem', minHeight: 48, fontWeight: 600 }}>
          <input type="checkbox" style={{ width: 28, height: 28 }} {...register('channelOpened')} />
          {t('form.channelOpened')}
        </label>
        <Field label={t('form.businessStatus')} error={err('businessStatus')}>
          {(p) => (
            <select {...p} {...register('businessStatus')}>
              {BUSINESS_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`business.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('friendCount', {
          type: 'number',
          reg: register('friendCount', { setValueAs: (v: unknown) => (v === '' ? 0 : Number(v)) }),
        })}
      </fieldset>
      {hasErrors ? <p className="notice notice-error">{t('form.fixErrors')}</p> : null}
      {saveError ? (
        <p className="notice notice-error" role="alert">
          {saveError}
        </p>
      ) : null}
      <div style={{ display: 'flex', gap: '0.5rem' }}>
        <Button type="submit" variant="primary" size="large" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('form.saving') : t('form.save')}
        </Button>
        <Button onClick={onCancel} size="large">
          {t('form.cancel')}
        </Button>
      </div>
    </form>
  );
}
