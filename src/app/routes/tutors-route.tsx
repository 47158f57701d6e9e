// /tutors: my PIN for everyone; managing tutors and the auto-lock time for a lead only.
import { useTranslation } from '../i18n/use-translation';
import { AppLink } from '../ui/app-link';
import { useLockState } from '../db/repos/tablet-lock';
import { useSession } from '../db/session';
import { ManageTutors } from '../features/tutors/manage-tutors';
import { MyPin } from '../features/tutors/my-pin';
import { Screen } from '../ui/screen';

export function TutorsRoute() {
  const { t } = useTranslation('tutors');
  const state = useLockState();
  const session = useSession();
  const me = state?.tutor;
  return (
    <Screen title={t('pageTitle')}>
      {me ? <MyPin tutorId={me.id} /> : null}
      {me?.role === 'lead' && session?.marketId ? (
        <ManageTutors leadId={me.id} marketId={session.marketId} autoLockMinutes={state?.autoLockMinutes ?? 5} />
      ) : null}
      <p>
        <AppLink to="/device">{t('device:open')}</AppLink>
      </p>
    </Screen>
  );
}
