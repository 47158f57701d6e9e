// The settings screen; switching tutor goes through the tutors feature's lock (PIN), composed here.
import { useTranslation } from '../i18n/use-translation';
import { SettingsScreen } from '../features/settings/settings-screen';
import { requestLock } from '../features/tutors/lock-gate';
import { Screen } from '../ui/screen';

export function SettingsRoute() {
  const { t } = useTranslation();
  return (
    <Screen title={t('nav.settings')}>
      <SettingsScreen onSwitchTutor={requestLock} />
    </Screen>
  );
}
