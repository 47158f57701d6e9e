// The signed-in tutor in the top bar, and the one tap that locks the tablet to switch tutor.
import { useTranslation } from '../../i18n/use-translation';
import { AppLink } from '../../ui/app-link';
import { useLockState } from '../../db/repos/tablet-lock';
import { Button } from '../../ui/button';
import { requestLock } from './lock-gate';
import './tutors.css';

export function TutorChip() {
  const { t } = useTranslation('tutors');
  const state = useLockState();
  if (!state || state.tutors.length === 0 || !state.tutor || state.locked) return null;
  return (
    <div className="tutor-chip">
      <AppLink to="/tutors">{t('signedInAs', { name: state.tutor.name })}</AppLink>
      <Button onClick={requestLock}>{t('lockNow')}</Button>
    </div>
  );
}
