// One row of the stall list: name, category, location, merchant, checklist progress, badges.
import { memo, useCallback, type MouseEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { StallRow } from '../../db/repos/stalls';
import { isPlainTap, useLinkNavigate } from '../../ui/app-link';
import { categoryLabel, locationText } from './location';
import { useIsSelected } from './stall-selection';
import { preloadStallDetail } from './use-stall-detail';
import './merchants.css';

export const ROW_HEIGHT = 116;

/** Whether a row shows the same: what it displays, not what only the filters use (`visited`, the search text). */
function sameRow(a: RowProps, b: RowProps): boolean {
  return (
    a.total === b.total &&
    a.row.stall === b.row.stall &&
    a.row.complete === b.row.complete &&
    a.row.blocked === b.row.blocked &&
    a.row.counted === b.row.counted &&
    a.onOpen === b.onOpen
  );
}

interface RowProps {
  row: StallRow;
  total: number;
  onOpen: (e: MouseEvent<HTMLAnchorElement>, id: string) => void;
}

/**
 * A plain tap on a row: reads the detail first and navigates once it is read, like a route loader: the detail then
 * renders once, complete. Navigating at once made it suspend mid-render, and React threw that render away and
 * rendered the route again when the read came (a CDP profile at CPU 4x: ≈ 60 ms rendered twice; bench 4c).
 * Other taps (new tab, modifier keys) keep the link's own behaviour. One function for all rows (the list's), and
 * `LinkNavigation`'s, not the router's `useNavigate`: that hook reads the route context, so the list (and, per row,
 * every row on screen) re-rendered on each opening.
 */
export function useOpenStall(): (e: MouseEvent<HTMLAnchorElement>, id: string) => void {
  const go = useLinkNavigate();
  return useCallback(
    (e: MouseEvent<HTMLAnchorElement>, id: string) => {
      if (!isPlainTap(e)) return;
      e.preventDefault();
      const to = `/stalls/${encodeURIComponent(id)}`;
      // The detail is read by then, so nothing suspends: it renders in one go (flushSync) instead of in 5 ms slices
      // of a transition with frames in between (bench 4c, A/B at CPU 4x: later openings 93 -> 70 ms median, the
      // first 158 -> 143 ms). As a link does, the stall already open is replaced in history, not pushed again.
      void preloadStallDetail(id).then(() => go(to, { flushSync: true }));
    },
    [go],
  );
}

// Memoized on what a row shows, and its selection read for itself (stall-selection.ts): opening a stall re-renders
// only the two rows whose selection changed, not every row on screen (bench 4c), and rows rebuilt with the same
// display (the list's visited stalls read) do not re-render at all.
export const StallRowView = memo(function StallRowView({ row, total, onOpen }: RowProps) {
  const { t } = useTranslation('merchants');
  const selected = useIsSelected(row.stall.id);
  const { stall } = row;
  // A plain link, not the router's <Link>: taps go through `onOpen`, and a <Link> re-renders on every navigation
  // (it reads the location), i.e. every row on screen on each stall opening (bench 4c).
  return (
    <a
      href={`/stalls/${encodeURIComponent(stall.id)}`}
      onClick={(e) => onOpen(e, stall.id)}
      aria-current={selected ? 'page' : undefined}
      className="card stall-row"
    >
      <div className="stall-row-head">
        <strong className="stall-row-name">{stall.name}</strong>
        {stall.channelOpened ? <span className="badge badge-ok">{t('badge.opened')}</span> : null}
        {row.blocked ? <span className="badge badge-bad">{t('badge.blocked')}</span> : null}
      </div>
      <div className="stall-row-where">
        {categoryLabel(stall.category, t)} · {locationText(stall, t)}
      </div>
      <div className="stall-row-foot">
        <span>{stall.merchantName}</span>
        <span>{row.counted ? t('list.progressValue', { complete: row.complete, total }) : '…'}</span>
      </div>
    </a>
  );
}, sameRow);
