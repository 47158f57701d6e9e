// Book or edit a visit: stall (searchable), the date and time the merchant chose, length, tutor, purpose.
// Validated with zod before anything is written; errors sit beside their fields; one write or none.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from '../../i18n/use-translation';
import type { Tutor, Visit } from '../../../domain';
import { getDb } from '../../db/database';
import { useTutors } from '../../db/repos/tutors';
import { createVisit, updateVisit } from '../../db/repos/visits';
import { useSession, type TabletSession } from '../../db/session';
import { useLanguage } from '../../i18n/use-language';
import { Button } from '../../ui/button';
import { errorText } from '../../ui/error-text';
import { Field } from '../../ui/field';
import { MarketDayWarning } from './market-day';
import { StallPicker } from './stall-picker';
import { dayKey, timeValue } from './time';
import { useStallChoices } from './use-visits';
import { makeVisitFormSchema, toVisitFields, type VisitFormValues } from './visit-form-schema';
import './visits.css';

export interface VisitFormProps {
  /** The visit to edit; a new booking when absent. */
  visit?: Visit | null;
  /** Prefill of a new booking (e.g. a follow-up: the stall and the note's follow-up date). */
  defaults?: Partial<VisitFormValues>;
  onSaved: (visitId: string, scheduledAt: string) => void;
  onCancel: () => void;
}

/** Waits for the session, then its tutors and stalls, so the selects have their options before their values. */
export function VisitForm(props: VisitFormProps) {
  const { t } = useTranslation('visits');
  const session = useSession();
  if (!session) return <p>{t('common:loading')}</p>;
  return <VisitFormData {...props} session={session} />;
}

function VisitFormData(props: VisitFormProps & { session: TabletSession }) {
  const { t } = useTranslation('visits');
  const tutors = useTutors(props.session.marketId);
  const stalls = useStallChoices(props.session.marketId);
  if (!tutors || !stalls) return <p>{t('common:loading')}</p>;
  return <VisitFormInner {...props} tutors={tutors} stalls={stalls} />;
}

interface InnerProps extends VisitFormProps {
  session: TabletSession;
  tutors: Tutor[];
  stalls: NonNullable<ReturnType<typeof useStallChoices>>;
}

function VisitFormInner({ visit, defaults, onSaved, onCancel, session, tutors, stalls }: InnerProps) {
  const { t } = useTranslation('visits');
  const language = useLanguage();
  const [saveError, setSaveError] = useState<string | null>(null);
  const schema = useMemo(() => makeVisitFormSchema(t), [t]);
  const initial: VisitFormValues = visit
    ? {
        stallId: visit.stallId,
        date: dayKey(visit.scheduledAt),
        time: timeValue(visit.scheduledAt),
        durationMin: visit.durationMin,
        tutorId: visit.tutorId ?? '',
        purpose: visit.purpose,
      }
    : {
        stallId: '',
        date: dayKey(new Date()),
        time: '',
        durationMin: 30,
        tutorId: session.tutorId ?? '',
        purpose: '',
        ...defaults,
      };
  const {
    register,
    control,
    handleSubmit,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<VisitFormValues>({ resolver: zodResolver(schema), defaultValues: initial });

  const submit = handleSubmit(async (values) => {
    setSaveError(null);
    try {
      const fields = toVisitFields(values);
      const by = session.tutorId ?? null;
      if (visit) {
        await updateVisit(getDb(), visit.id, fields, by);
        onSaved(visit.id, fields.scheduledAt);
      } else {
        const id = await createVisit(
          getDb(),
          { ...fields, status: 'scheduled', actualMin: null, completedAt: null, rescheduledFrom: null },
          by,
        );
        onSaved(id, fields.scheduledAt);
      }
    } catch (err) {
      setSaveError(errorText(err, t, language));
    }
  });

  const title = visit ? t('form.editTitle') : t('form.newTitle');
  return (
    <form className="card visit-form" aria-label={title} onSubmit={(e) => void submit(e)} noValidate>
      <h2>{title}</h2>
      <Controller
        control={control}
        name="stallId"
        render={({ field }) => (
          <StallPicker stalls={stalls} value={field.value} onChange={field.onChange} error={errors.stallId?.message} />
        )}
      />
      <div className="visit-form-row">
        <Field label={t('form.date')} error={errors.date?.message}>
          {(p) => <input {...p} type="date" {...register('date')} />}
        </Field>
        <Field label={t('form.time')} error={errors.time?.message}>
          {(p) => <input {...p} type="time" {...register('time')} />}
        </Field>
        <Field label={t('form.duration')} error={errors.durationMin?.message}>
          {(p) => (
            <input
              {...p}
              type="number"
              inputMode="numeric"
              min={5}
              max={480}
              step={5}
              {...register('durationMin', { valueAsNumber: true })}
            />
          )}
        </Field>
      </div>
      <MarketDayWarning date={watch('date')} />
      <Controller
        control={control}
        name="tutorId"
        render={({ field }) => (
          <Field label={t('form.tutor')} error={errors.tutorId?.message}>
            {(p) => (
              <select {...p} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur}>
                <option value="">{t('form.noTutor')}</option>
                {tutors.map((tu) => (
                  <option key={tu.id} value={tu.id}>
                    {tu.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      />
      <Field label={t('form.purpose')} error={errors.purpose?.message}>
        {(p) => <input {...p} type="text" maxLength={250} {...register('purpose')} />}
      </Field>
      {saveError ? (
        <p className="notice notice-error" role="alert">
          {saveError}
        </p>
      ) : null}
      <div className="visit-actions">
        <Button type="submit" variant="primary" size="large" disabled={isSubmitting}>
          {visit ? t('form.saveEdit') : t('form.save')}
        </Button>
        <Button onClick={onCancel}>{t('common:cancel')}</Button>
      </div>
    </form>
  );
}
