// "누가 쓰고 있나요?": covers the app while the tablet is locked; large names, then the chosen tutor's PIN.
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Tutor } from '../../../domain';
import { PinEntry } from './pin-entry';
import './tutors.css';

export function LockScreen({ tutors, onSignedIn }: { tutors: Tutor[]; onSignedIn: (tutorId: string) => void }) {
  const { t } = useTranslation('tutors');
  const [chosen, setChosen] = useState<Tutor | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const current = chosen ? (tutors.find((x) => x.id === chosen.id) ?? chosen) : null;
  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <h1 id="lock-title">{t('whoIsUsing')}</h1>
      {current && !current.locked ? (
        <PinEntry tutor={current} onBack={() => setChosen(null)} onSignedIn={() => onSignedIn(current.id)} />
      ) : (
        <>
          <p className="lock-hint">{t('whoHint')}</p>
          {notice ? (
            <p className="notice notice-warn" role="alert">
              {notice}
            </p>
          ) : null}
          <ul className="tutor-grid">
            {tutors.map((tu) => (
              <li key={tu.id}>
                <button
                  type="button"
                  className="tutor-face"
                  aria-describedby={tu.locked ? `locked-${tu.id}` : undefined}
                  onClick={() => {
                    if (tu.locked) setNotice(t('lockedHelp', { name: tu.name }));
                    else setChosen(tu);
                  }}
                >
                  <span className="tutor-initial" aria-hidden="true">
                    {tu.name.slice(0, 1)}
                  </span>
                  <span className="tutor-name">{tu.name}</span>
                  {tu.role === 'lead' ? <span className="badge">{t('lead')}</span> : null}
                  {tu.locked ? (
                    <span className="badge badge-bad" id={`locked-${tu.id}`}>
                      {t('lockedProfile')}
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
