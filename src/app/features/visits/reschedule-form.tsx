// Pick a new date and time for a visit; the caller moves it (old visit 'rescheduled', a new one 'scheduled').
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { MarketDayWarning } from './market-day';
import { dayKey, timeValue, toInstant } from './time';

export interface RescheduleFormProps {
  stallName: string;
  scheduledAt: string;
  onSubmit: (scheduledAt: string) => Promise<boolean>;
  onClose: () => void;
}

export function RescheduleForm({ stallName, scheduledAt, onSubmit, onClose }: RescheduleFormProps) {
  const { t } = useTranslation('visits');
  const [date, setDate] = useState(dayKey(scheduledAt));
  const [time, setTime] = useState(timeValue(scheduledAt));
  const [error, setError] = useState<{ date?: string; time?: string }>({});
  const title = t('reschedule.title', { stall: stallName });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs = { date: date ? undefined : t('form.errDate'), time: time ? undefined : t('form.errTime') };
    const at = date && time ? toInstant(date, time) : null;
    if (!at) {
      setError(errs.date || errs.time ? errs : { time: t('form.errTime') });
      return;
    }
    if (await onSubmit(at)) onClose();
  }

  return (
    <form className="visit-inline-form" role="group" aria-label={title} onSubmit={(e) => void submit(e)} noValidate>
      <h3>{title}</h3>
      <div className="visit-form-row">
        <Field label={t('reschedule.newDate')} error={error.date}>
          {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <Field label={t('reschedule.newTime')} error={error.time}>
          {(p) => <input {...p} type="time" value={time} onChange={(e) => setTime(e.target.value)} />}
        </Field>
      </div>
      <MarketDayWarning date={date} />
      <div className="visit-actions">
        <Button type="submit" variant="primary">
          {t('reschedule.confirm')}
        </Button>
        <Button onClick={onClose}>{t('common:cancel')}</Button>
      </div>
    </form>
  );
}
