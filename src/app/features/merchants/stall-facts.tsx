// Stall detail header: where the stall is, who keeps it, and its KakaoTalk Channel facts.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Stall } from '../../../domain';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { categoryLabel, locationText } from './location';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ display: 'contents' }}>
      <dt style={{ fontWeight: 700, color: 'var(--ink-soft)' }}>{label}</dt>
      <dd style={{ margin: 0, overflowWrap: 'anywhere' }}>{children}</dd>
    </div>
  );
}

const grid = { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.35rem 1rem', margin: 0 } as const;

export function StallFacts({ stall }: { stall: Stall }) {
  const { t } = useTranslation('merchants');
  const language = useLanguage();
  const none = t('detail.none');
  const safeUrl = /^https?:\/\//i.test(stall.channelUrl) ? stall.channelUrl : null;
  return (
    <section className="card" aria-labelledby="stall-facts-title">
      <div style={{ display: 'flex', alignItems: 'center', gap: '0.5rem', flexWrap: 'wrap' }}>
        <h2 id="stall-facts-title" style={{ margin: 0, marginRight: 'auto' }}>
          {stall.name}
        </h2>
        {stall.channelOpened ? <span className="badge badge-ok">{t('badge.opened')}</span> : null}
        <Link
          className="btn btn-secondary"
          to={`/stalls/${encodeURIComponent(stall.id)}?edit=1`}
          style={{ display: 'inline-flex', alignItems: 'center' }}
        >
          {t('detail.edit')}
        </Link>
      </div>
      <p style={{ margin: '0.25rem 0 0.75rem' }}>
        {categoryLabel(stall.category, t)} · {locationText(stall, t)}
      </p>
      <dl style={grid}>
        <Fact label={t('detail.merchant')}>{stall.merchantName || none}</Fact>
        <Fact label={t('detail.phone')}>{stall.merchantPhone || none}</Fact>
      </dl>
      <h3 style={{ marginTop: '1rem' }}>{t('detail.channel')}</h3>
      <dl style={grid}>
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
          <span style={{ color: 'var(--ink-soft)' }}>
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
