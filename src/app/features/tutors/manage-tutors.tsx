// The lead's screen: add tutors, roles, deactivate, unlock, new PINs, auto-lock minutes, market days. Shown to
// leads only; the server refuses the same changes from a tutor (403) whatever the screen shows.
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { TutorRole } from '../../../domain';
import { getDb } from '../../db/database';
import { useTutors } from '../../db/repos/tutors';
import { addTutor, setAutoLockMinutes } from '../../db/repos/tutor-admin';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { errorText } from '../../ui/error-text';
import { MarketScheduleForm } from './market-schedule-form';
import { TutorRow } from './tutor-row';
import './tutors.css';

export function ManageTutors(props: { leadId: string; marketId: string; autoLockMinutes: number }) {
  const { t, i18n } = useTranslation('tutors');
  const tutors = useTutors(props.marketId);
  const [name, setName] = useState('');
  const [role, setRole] = useState<TutorRole>('tutor');
  const [minutes, setMinutes] = useState(String(props.autoLockMinutes));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const db = getDb();

  const run = (op: () => Promise<void>, okText = t('saved')) => {
    op().then(
      () => setMessage({ ok: true, text: okText }),
      (err: unknown) => setMessage({ ok: false, text: errorText(err, t, i18n.language === 'en' ? 'en' : 'ko') }),
    );
  };

  function add(e: FormEvent) {
    e.preventDefault();
    run(async () => {
      await addTutor(db, props.leadId, { name, role });
      setName('');
    });
  }

  return (
    <section className="card" aria-labelledby="manage-title">
      <h2 id="manage-title">{t('manage')}</h2>
      <p className="field-hint">{t('manageHint')}</p>
      {message ? (
        <p className={message.ok ? 'notice notice-info' : 'field-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
      <ul className="plain-list">
        {(tutors ?? []).map((tu) => (
          <TutorRow key={tu.id} tutor={tu} leadId={props.leadId} run={run} />
        ))}
      </ul>
      <form onSubmit={add} data-no-draft>
        <h3>{t('addTutor')}</h3>
        <Field label={t('name')}>
          {(a) => <input {...a} value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={t('role')}>
          {(a) => (
            <select {...a} value={role} onChange={(e) => setRole(e.target.value as TutorRole)}>
              <option value="tutor">{t('roleTutor')}</option>
              <option value="lead">{t('roleLead')}</option>
            </select>
          )}
        </Field>
        <Button type="submit" variant="primary">
          {t('addTutor')}
        </Button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run(() => setAutoLockMinutes(db, props.leadId, Number(minutes)), t('autoLockSaved'));
        }}
        data-no-draft
      >
        <Field label={t('autoLock')}>
          {(a) => (
            <input
              {...a}
              type="number"
              min={1}
              max={120}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit">{t('save')}</Button>
      </form>
      <MarketScheduleForm leadId={props.leadId} marketId={props.marketId} />
    </section>
  );
}
