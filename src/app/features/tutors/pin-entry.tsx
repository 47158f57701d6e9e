// The PIN step of signing in (or choosing a first PIN): shows the slow-down and the lock in words.
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Tutor } from '../../../domain';
import { getDb } from '../../db/database';
import { isValidPin, setOwnPin, signIn } from '../../db/repos/tutor-auth';
import { Button } from '../../ui/button';
import { errorText } from '../../ui/error-text';
import { PinInput } from './pin-input';

export function PinEntry({ tutor, onBack, onSignedIn }: { tutor: Tutor; onBack: () => void; onSignedIn: () => void }) {
  const { t, i18n } = useTranslation('tutors');
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const choosing = !tutor.pinHash;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!isValidPin(pin)) return setMessage(t('pinFormat'));
    if (choosing && pin !== confirm) return setMessage(t('pinMismatch'));
    setBusy(true);
    try {
      const db = getDb();
      if (choosing) await setOwnPin(db, tutor.id, null, pin);
      const r = await signIn(db, tutor.id, pin);
      if (r.ok) return onSignedIn();
      setPin('');
      if (r.reason === 'wrong') {
        const wait = r.waitSeconds ? ` ${t('waitSeconds', { seconds: r.waitSeconds })}` : '';
        setMessage(`${t('wrongPin', { count: r.failures })}${wait}`);
      } else if (r.reason === 'wait') setMessage(t('waitSeconds', { seconds: r.waitSeconds }));
      else if (r.reason === 'locked') setMessage(t('lockedHelp', { name: tutor.name }));
      else setMessage(t('inactive'));
    } catch (err) {
      setMessage(errorText(err, t, i18n.language === 'en' ? 'en' : 'ko'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="pin-entry" onSubmit={(e) => void submit(e)} data-no-draft>
      <h2>{choosing ? t('choosePin', { name: tutor.name }) : t('enterPin', { name: tutor.name })}</h2>
      <PinInput label={choosing ? t('newPin') : t('pin')} value={pin} onChange={setPin} error={message} autoFocus />
      {choosing ? <PinInput label={t('confirmPin')} value={confirm} onChange={setConfirm} /> : null}
      <div className="pin-actions">
        <Button variant="ghost" onClick={onBack}>
          {t('back')}
        </Button>
        <Button type="submit" variant="primary" size="large" disabled={busy}>
          {choosing ? t('savePin') : t('signIn')}
        </Button>
      </div>
    </form>
  );
}
