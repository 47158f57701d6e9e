// The 점포 list: search and filters over rows held in memory, rendered virtually so 1,000 stalls scroll smoothly.
import {
  memo,
  startTransition,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
} from 'react';
import { useTranslation } from '../../i18n/use-translation';
import {
  elementScroll,
  observeElementRect,
  useVirtualizer,
  type Rect,
  type Virtualizer,
  type VirtualizerOptions,
} from '@tanstack/react-virtual';
import { AppLink } from '../../ui/app-link';
import { CHECKLIST_TEMPLATE_V1 } from '../../../domain';
import { filterRows, NO_FILTERS, type StallFilters } from '../../db/repos/stalls';
import { useSession } from '../../db/session';
import { StallFiltersBar } from './stall-filters';
import { ROW_HEIGHT, StallRowView, useOpenStall } from './stall-row';
import { readAhead } from './use-stall-detail';
import { useStallRows } from './use-stalls';
import './merchants.css';

const TOTAL = CHECKLIST_TEMPLATE_V1.length;

/**
 * The scroll box's least height: one row. It takes the height left on the screen (a flex item down from `main`,
 * theme.css `.screen-fill`, `.split-fill`), so its bottom is the tab bar's top whatever is above it (banners that
 * come and go included); on a screen too short for one row, the main area scrolls instead.
 */
const MIN_HEIGHT = ROW_HEIGHT;

/** The row height for merchants.css (a row's card, the scroll box's least height); one object, set once. */
const ROW_VARS = { '--row-height': `${ROW_HEIGHT}px` } as CSSProperties;

/** The scroll box's height when a list was last laid out, and the window's size then. */
let laidOut: { width: number; height: number; box: number } | undefined;

/**
 * The scroll box's height before it is laid out, for the virtualizer's first render: the height it had the last
 * time at this window size, or before that a guess from the window's height (what the top bar, screen header,
 * filters and tab bar took in Chromium at 768x1024, and at 1024x768 where the list's pane is narrower and the
 * filters wrap). The virtualizer gets the real height once the box is laid out (`observeLaidOut`) and renders again
 * only if that holds another set of rows (a guess 13 px too tall did at 1024x768: one row more, then removed).
 */
function expectedHeight(): number {
  if (typeof window === 'undefined') return 0;
  const { innerWidth: width, innerHeight: height } = window;
  if (laidOut && laidOut.width === width && laidOut.height === height) return laidOut.box;
  const twoPanes = width > height && width > 820; // theme.css `.split`
  return Math.max(MIN_HEIGHT, height - (twoPanes ? 423 : 366));
}

/**
 * The scroll box's size, for the virtualizer: from a ResizeObserver, which reports it once the box is laid out
 * (the frame's own layout, before paint) and again on each resize. The virtualizer's own observer reads it at once,
 * in the list's layout effect: that forced the new screen's first layout there, ≈ 14 ms of the 점포 tab tap at CPU
 * 4x (CDP profile; bench 4b), and the screen was laid out again before paint. Until the observer reports, the
 * expected height (above) holds the rows. A size of 0 — a box that is not laid out: the off-page warm-up's detached
 * root (stalls-route.tsx), or the list's pane hidden behind a stall's detail in portrait — is not taken: the rows
 * from the last real size (or the guess) stay, instead of none. Without ResizeObserver (jsdom), the library's own.
 */
function observeLaidOut(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void) {
  const take = (rect: Rect) => {
    if (rect.height === 0) return;
    laidOut = { width: window.innerWidth, height: window.innerHeight, box: rect.height };
    cb(rect);
  };
  const element = instance.scrollElement;
  if (!element || typeof ResizeObserver === 'undefined') return observeElementRect(instance, take);
  const observer = new ResizeObserver(() => take({ width: element.clientWidth, height: element.clientHeight }));
  observer.observe(element);
  return () => observer.disconnect();
}

/** Scroll boxes the virtualizer has scrolled (a box it has not is at its top). */
const scrolled = new WeakSet<Element>();

/**
 * The virtualizer's scroll, except its first write to a new box when that is to the top, where a new box already
 * is: writing it forced the new screen's layout inside the tab tap's commit (see `observeLaidOut`).
 */
const scrollBox: VirtualizerOptions<HTMLDivElement, Element>['scrollToFn'] = (offset, options, instance) => {
  const element = instance.scrollElement;
  if (element && !scrolled.has(element)) {
    scrolled.add(element);
    if (offset + (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
};

/** How long the rows shown must stay the same before their details are read ahead of a tap. */
const SETTLED_MS = 150;

/** How many rows the list renders before it is first scrolled (the rows on screen and one more). */
export function rowsAtFirst(): number {
  return Math.ceil(expectedHeight() / ROW_HEIGHT) + 1;
}

/** The link to the new-stall form, for the screen's header. */
export function AddStallLink() {
  const { t } = useTranslation('merchants');
  return (
    <AppLink className="btn btn-primary btn-inline" to="/stalls?add=1">
      {t('list.add')}
    </AppLink>
  );
}

/**
 * Rows rendered beyond the visible ones: 1 until the list is first scrolled, then 6. Text is shaped the first
 * time it is laid out: the list's first layout took 60-80 ms at CPU 4x (the same rows again: 5-17 ms), so the rows
 * off screen wait (bench 4b). They waited for the browser to be idle before, which after a tap on 점포 was
 * usually inside the next tap, on a stall (bench 4c): the scroll that needs them is what brings them now, in a
 * transition, so the first scroll step paints the rows it scrolled to first (bench 4e: the slowest of 30 steps
 * after a cold start, median of 6, 81 -> 59 ms at CPU 4x; it did the 12 extra rows in the same frame).
 */
function useOverscan(): [number, () => void] {
  const [overscan, setOverscan] = useState(1);
  const grow = useCallback(() => startTransition(() => setOverscan(6)), []);
  return [overscan, grow];
}

/**
 * The list: search, filters, count and the virtual rows. It takes no props and reads nothing of the route, so a
 * stall opening (a navigation) does not re-render it; each row reads whether it is the open one (stall-selection.ts).
 */
export const StallList = memo(function StallList() {
  const { t } = useTranslation('merchants');
  const session = useSession();
  const { rows: allRows, complete: allRead, visitedKnown, needVisited } = useStallRows(session?.marketId);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<StallFilters>(NO_FILTERS);
  // The visited stalls are read only for the "not visited" filter; until they are, it shows "loading".
  useEffect(() => {
    if (filters.notVisited) needVisited();
  }, [filters.notVisited, needVisited]);
  const waiting = filters.notVisited && !visitedKnown;
  const rows = waiting ? undefined : allRows;
  const complete = allRead && !waiting;
  const deferredQuery = useDeferredValue(query);
  const visible = useMemo(
    () => (rows ? filterRows(rows, deferredQuery, filters, TOTAL) : []),
    [rows, deferredQuery, filters],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const [overscan, growOverscan] = useOverscan();
  const open = useOpenStall();
  // Stable while the shown rows are: the virtualizer recomputes all 1,000 rows' positions whenever this function
  // is a new one, i.e. on every render of the list (each stall opening re-renders it for the selection).
  const itemKey = useCallback((i: number) => visible[i]?.stall.id ?? i, [visible]);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // The scroller's expected height: the first render already holds the rows on screen. Without it the first
    // commit had none, the virtualizer measured, and the rows came in a second render and layout (the 점포 tab
    // tap laid the page out twice, ≈ 60 ms each at CPU 4x the first time; bench 4b).
    initialRect: { width: 0, height: expectedHeight() },
    observeElementRect: observeLaidOut,
    scrollToFn: scrollBox,
    overscan,
    getItemKey: itemKey,
  });
  const items = virtualizer.getVirtualItems();
  // The details of the rows on screen are read ahead of a tap (use-stall-detail.ts `readAhead`): the first rows at
  // once, later ones once the rows shown have stayed the same for a moment (not every row a scroll or a search
  // passes by).
  const shownIds = items.map((item) => visible[item.index]?.stall.id ?? '').join('\n');
  const aheadOnce = useRef(false);
  const stopAhead = useRef(() => {});
  useEffect(() => {
    const ids = shownIds.split('\n').filter(Boolean);
    const start = () => {
      stopAhead.current = readAhead(ids);
    };
    if (!aheadOnce.current && ids.length > 0) {
      aheadOnce.current = true;
      start();
      return;
    }
    const timer = setTimeout(start, SETTLED_MS);
    return () => clearTimeout(timer);
  }, [shownIds]);
  useEffect(() => () => stopAhead.current(), []);

  return (
    <div className="stall-list" style={ROW_VARS}>
      <StallFiltersBar query={query} onQuery={setQuery} filters={filters} onFilters={setFilters} />
      <p role="status" className="stall-list-count">
        {rows && complete ? t('list.count', { count: visible.length }) : t('common:loading')}
      </p>
      {rows && complete && visible.length === 0 ? (
        <p>{rows.length === 0 ? t('list.noStalls') : t('list.empty')}</p>
      ) : null}
      <div ref={scrollRef} onScroll={overscan === 1 ? growOverscan : undefined} className="stall-list-scroll">
        <ul aria-label={t('list.results')} className="stall-list-rows" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = visible[item.index];
            if (!row) return null;
            return (
              <li
                key={item.key}
                aria-setsize={visible.length}
                aria-posinset={item.index + 1}
                className="stall-list-slot"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <StallRowView row={row} total={TOTAL} onOpen={open} />
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
});
