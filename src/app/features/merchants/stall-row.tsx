// One row of the stall list: name, category, location, merchant, checklist progress, badges.
import { memo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { StallRow } from '../../db/repos/stalls';
import { categoryLabel, locationText } from './location';
import { preloadStallDetail } from './use-stall-detail';

export const ROW_HEIGHT = 116;

// Memoized: rows keep their identity between renders, so opening a stall re-renders only the two rows whose
// selection changed, not every row on screen (bench 4c).
export const StallRowView = memo(function StallRowView({
  row,
  total,
  selected,
}: {
  row: StallRow;
  total: number;
  selected: boolean;
}) {
  const { t } = useTranslation('merchants');
  const { stall } = row;
  return (
    <Link
      to={`/stalls/${encodeURIComponent(stall.id)}`}
      // The detail's read starts with the tap, while the router is still navigating (bench 4c).
      onClick={() => preloadStallDetail(stall.id)}
      aria-current={selected ? 'page' : undefined}
      className="card"
      style={{
        display: 'block',
        height: ROW_HEIGHT - 8,
        padding: '0.6rem 1rem',
        overflow: 'hidden',
        textDecoration: 'none',
        color: 'inherit',
        borderWidth: selected ? 3 : 1,
        borderColor: selected ? 'var(--green)' : undefined,
      }}
    >
      <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
        <strong style={{ fontSize: '1.15rem', marginRight: 'auto' }}>{stall.name}</strong>
        {stall.channelOpened ? <span className="badge badge-ok">{t('badge.opened')}</span> : null}
        {row.blocked ? <span className="badge badge-bad">{t('badge.blocked')}</span> : null}
      </div>
      <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {categoryLabel(stall.category, t)} · {locationText(stall, t)}
      </div>
      <div style={{ display: 'flex', gap: '0.75rem', color: 'var(--ink-soft)' }}>
        <span style={{ marginRight: 'auto' }}>{stall.merchantName}</span>
        <span>{row.counted ? t('list.progressValue', { complete: row.complete, total }) : '…'}</span>
      </div>
    </Link>
  );
});
