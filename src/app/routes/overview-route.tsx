// The overview screen: the market's funnel, friends, blockers and this week's visits per tutor.
import { useTranslation } from '../i18n/use-translation';
import { MarketOverview } from '../features/overview/market-overview';
import { Screen } from '../ui/screen';

export function OverviewRoute() {
  const { t } = useTranslation();
  return (
    <Screen title={t('nav.overview')}>
      <MarketOverview />
    </Screen>
  );
}
