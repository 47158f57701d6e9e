// Stall detail header: where the stall is, who keeps it, and its KakaoTalk Channel facts.
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { AppLink } from '../../ui/app-link';
import type { Stall } from '../../../domain';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { categoryLabel, locationText } from './location';
import './merchants.css';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function StallFacts({ stall }: { stall: Stall }) {
  const { t } = useTranslation('merchants');
  const language = useLanguage();
  const none = t('detail.none');
  const safeUrl = /^https?:\/\//i.test(stall.channelUrl) ? stall.channelUrl : null;
  return (
    <section className="card" aria-labelledby="stall-facts-title">
      <div className="title-row">
        <h2 id="stall-facts-title">{stall.name}</h2>
        {stall.channelOpened ? <span className="badge badge-ok">{t('badge.opened')}</span> : null}
        <AppLink className="btn btn-secondary btn-inline" to={`/stalls/${encodeURIComponent(stall.id)}?edit=1`}>
          {t('detail.edit')}
        </AppLink>
      </div>
      <p className="facts-where">
        {categoryLabel(stall.category, t)} · {locationText(stall, t)}
      </p>
      <dl className="facts">
        <Fact label={t('detail.merchant')}>{stall.merchantName || none}</Fact>
        <Fact label={t('detail.phone')}>{stall.merchantPhone || none}</Fact>
      </dl>
      <h3 className="facts-channel">{t('detail.channel')}</h3>
      <dl className="facts">
        <Fact label={t('detail.channelName')}>{stall.channelName || none}</Fact>
        <Fact label={t('detail.searchId')}>{stall.channelSearchId || none}</Fact>
        <Fact label={t('detail.url')}>
          {safeUrl ? (
            <a href={safeUrl} target="_blank" rel="noopener noreferrer">
              {safeUrl}
            </a>
          ) : (
            stall.channelUrl || none
          )}
        </Fact>
        <Fact label={t('detail.opened')}>{stall.channelOpened ? t('detail.openedYes') : t('detail.openedNo')}</Fact>
        <Fact label={t('detail.business')}>{t(`business.${stall.businessStatus}`)}</Fact>
        <Fact label={t('detail.friends')}>
          {t('detail.friendsValue', { count: stall.friendCount })}{' '}
          <span className="soft">
            (
            {stall.friendCountAt
              ? t('detail.countedAt', { date: formatDate(stall.friendCountAt, 'date', language) })
              : t('detail.notCounted')}
            )
          </span>
        </Fact>
      </dl>
    </section>
  );
}
