// Who is using the tablet: the signed-in tutor and one tap to switch. Switching goes through the lock screen
// (PIN), so Settings never signs anyone in by itself.
import { useTranslation } from '../../i18n/use-translation';
import { AppLink } from '../../ui/app-link';
import { useLockState } from '../../db/repos/tablet-lock';
import { Button } from '../../ui/button';

export function TutorSection({ onSwitch }: { onSwitch: () => void }) {
  const { t } = useTranslation('settings');
  const state = useLockState();
  if (!state) return null;
  const me = state.tutor;
  return (
    <section className="card settings-section" aria-labelledby="settings-tutor">
      <h2 id="settings-tutor">{t('tutor.title')}</h2>
      {state.tutors.length === 0 ? (
        <p>{t('tutor.noTutors')}</p>
      ) : (
        <>
          <p className="settings-big">
            {me ? t('tutor.current', { name: me.name }) : t('tutor.nobody')}
            {me?.role === 'lead' ? ` ${t('tutor.lead')}` : ''}
          </p>
          <p className="field-hint">{t('tutor.switchHint')}</p>
          <div className="settings-row">
            <Button onClick={onSwitch}>{t('tutor.switch')}</Button>
            <AppLink className="btn btn-secondary" to="/tutors">
              {t('tutor.manage')}
            </AppLink>
          </div>
        </>
      )}
    </section>
  );
}
