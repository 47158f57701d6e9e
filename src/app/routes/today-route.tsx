// The today screen: today's visits in route order; on a first start with no market, a welcome card instead.
import { useTranslation } from '../i18n/use-translation';
import { useSession } from '../db/session';
import { WelcomeCard } from '../features/settings/welcome-card';
import { TodayVisits } from '../features/visits/today-visits';
import { formatDate } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { Screen } from '../ui/screen';

export function TodayRoute() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  return (
    <Screen title={`${t('nav.today')} · ${formatDate(new Date(), 'shortDate', language)}`}>
      {session === undefined ? <p>{t('loading')}</p> : session.marketId ? <TodayVisits /> : <WelcomeCard />}
    </Screen>
  );
}
