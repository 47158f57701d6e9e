// The overview screen: the market's funnel, friends, blockers and this week's visits per tutor.
import { useTranslation } from 'react-i18next';
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
