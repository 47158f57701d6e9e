// The schedule screen: the week of visits with booking, editing, rescheduling and cancelling.
import { useTranslation } from '../i18n/use-translation';
import { WeekSchedule } from '../features/visits/week-schedule';
import { Screen } from '../ui/screen';

export function ScheduleRoute() {
  const { t } = useTranslation();
  return (
    <Screen title={t('nav.schedule')}>
      <WeekSchedule />
    </Screen>
  );
}
