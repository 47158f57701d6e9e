// A tutor changes their own PIN (the current one is asked first); only the derived hash leaves this form.
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { getDb } from '../../db/database';
import { isValidPin, setOwnPin } from '../../db/repos/tutor-auth';
import { Button } from '../../ui/button';
import { errorText } from '../../ui/error-text';
import { PinInput } from './pin-input';

export function MyPin({ tutorId }: { tutorId: string }) {
  const { t, i18n } = useTranslation('tutors');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!isValidPin(next)) return setMessage({ ok: false, text: t('pinFormat') });
    if (next !== again) return setMessage({ ok: false, text: t('pinMismatch') });
    try {
      await setOwnPin(getDb(), tutorId, current, next);
      setCurrent('');
      setNext('');
      setAgain('');
      setMessage({ ok: true, text: t('pinSaved') });
    } catch (err) {
      setMessage({ ok: false, text: errorText(err, t, i18n.language === 'en' ? 'en' : 'ko') });
    }
  }

  return (
    <form className="card" onSubmit={(e) => void submit(e)} data-no-draft>
      <h2>{t('myPin')}</h2>
      <PinInput label={t('currentPin')} value={current} onChange={setCurrent} />
      <PinInput label={t('newPin')} value={next} onChange={setNext} />
      <PinInput label={t('confirmPin')} value={again} onChange={setAgain} />
      {message ? (
        <p className={message.ok ? 'notice notice-info' : 'field-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
      <Button type="submit" variant="primary">
        {t('savePin')}
      </Button>
    </form>
  );
}
