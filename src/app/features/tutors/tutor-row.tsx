// One tutor in the lead's list: role, active or not, unlock a locked profile, give a new PIN.
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Tutor, TutorRole } from '../../../domain';
import { getDb } from '../../db/database';
import { setTutorActive, setTutorRole, unlockTutor } from '../../db/repos/tutor-admin';
import { resetPinByLead } from '../../db/repos/tutor-auth';
import { Button } from '../../ui/button';
import { PinInput } from './pin-input';

export function TutorRow(props: { tutor: Tutor; leadId: string; run: (op: () => Promise<void>) => void }) {
  const { t } = useTranslation('tutors');
  const { tutor, leadId, run } = props;
  const [pin, setPin] = useState<string | null>(null);
  const db = getDb();
  return (
    <li className="tutor-admin-row">
      <strong>{tutor.name}</strong>
      <select
        value={tutor.role}
        aria-label={`${t('role')} ${tutor.name}`}
        onChange={(e) => run(() => setTutorRole(db, leadId, tutor.id, e.target.value as TutorRole))}
      >
        <option value="tutor">{t('roleTutor')}</option>
        <option value="lead">{t('roleLead')}</option>
      </select>
      <span className={`badge ${tutor.active ? 'badge-ok' : 'badge-warn'}`}>
        {tutor.active ? t('active') : t('inactiveLabel')}
      </span>
      {tutor.locked ? <span className="badge badge-bad">{t('lockedProfile')}</span> : null}
      {tutor.id !== leadId ? (
        <Button onClick={() => run(() => setTutorActive(db, leadId, tutor.id, !tutor.active))}>
          {tutor.active ? t('deactivate') : t('activate')}
        </Button>
      ) : null}
      {tutor.locked ? (
        <Button variant="primary" onClick={() => run(() => unlockTutor(db, leadId, tutor.id))}>
          {t('unlock')} · {tutor.name}
        </Button>
      ) : null}
      {pin === null ? (
        <Button onClick={() => setPin('')}>{t('resetPin')}</Button>
      ) : (
        <span className="tutor-admin-pin">
          <PinInput label={t('resetPinFor', { name: tutor.name })} value={pin} onChange={setPin} />
          <Button
            variant="primary"
            onClick={() => run(() => resetPinByLead(db, leadId, tutor.id, pin).then(() => setPin(null)))}
          >
            {t('savePin')}
          </Button>
        </span>
      )}
    </li>
  );
}
