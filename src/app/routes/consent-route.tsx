// The consent screen of one stall (/consent/:stallId): reachable from the stall form and detail.
import { useLiveQuery } from 'dexie-react-hooks';
import { useParams } from 'react-router';
import { useTranslation } from '../i18n/use-translation';
import { AppLink } from '../ui/app-link';
import { getDb } from '../db/database';
import { getStall } from '../db/repos/stalls';
import { useSession } from '../db/session';
import { ConsentPanel } from '../features/consent/consent-panel';
import { Screen } from '../ui/screen';

export function ConsentRoute() {
  const { t } = useTranslation('consent');
  const { stallId = '' } = useParams();
  const session = useSession();
  const stall = useLiveQuery(async () => (await getStall(getDb(), stallId)) ?? null, [stallId]);
  if (stall === undefined || !session) return <Screen title={t('title')}>{null}</Screen>;
  if (stall === null) return <Screen title={t('title')}>{t('unknownStall')}</Screen>;
  return (
    <Screen
      title={`${stall.name} · ${t('title')}`}
      actions={<AppLink to={`/stalls/${stallId}`}>{t('backToStall')}</AppLink>}
    >
      <ConsentPanel stallId={stallId} tutorId={session.tutorId} />
    </Screen>
  );
}
