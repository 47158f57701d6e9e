// The 점포 screen: the stall list beside the chosen stall's detail (landscape), or one pane with a back link
// (portrait). /stalls?add=1 opens the new-stall form; /stalls/:stallId?edit=1 the edit form.
import { Suspense, useCallback, useDeferredValue, useLayoutEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createMemoryRouter, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from '../i18n/use-translation';
import Dexie from 'dexie';
import { AppLink, LinkNavigation } from '../ui/app-link';
import { getDb } from '../db/database';
import { NOTES_PAGE } from '../db/repos/notes';
import { ChecklistView } from '../features/checklists/checklist-panel';
import { ConsentSummary } from '../features/consent/consent-summary';
import { StallFacts } from '../features/merchants/stall-facts';
import { StallForm } from '../features/merchants/stall-form';
import { AddStallLink, rowsAtFirst, StallList } from '../features/merchants/stall-list';
import { createStallSelection, StallSelectionContext } from '../features/merchants/stall-selection';
import { preloadStallDetail, readAhead, useStallDetail } from '../features/merchants/use-stall-detail';
import { NotesSection } from '../features/notes/notes-section';
import { VisitHistoryView } from '../features/visits/visit-history';
import { Screen } from '../ui/screen';
import { SplitView } from '../ui/split-view';
import { nextTask, whenIdle } from '../ui/when-idle';
import { renderRouterNow } from './warm-navigation';

function BackToList() {
  const { t } = useTranslation('merchants');
  return (
    <AppLink to="/stalls" className="btn btn-ghost split-back">
      ← {t('detail.toList')}
    </AppLink>
  );
}

/**
 * Checklist steps in the detail's first commit: the one a portrait screen shows below the stall's facts (1024x768
 * shows none; the second was under the fold on both). One each of steps and notes instead of two: ≈ 20 fewer
 * elements (of ≈ 100) to render and lay out in the opening (A/B at CPU 4x, 10 rounds: first opening 124 -> 104 ms
 * median, openings 109 -> 97).
 */
const FIRST_STEPS = 1;
/** Notes in the detail's first commit: the timeline starts below the checklist, under the fold at first. */
const FIRST_NOTES = 1;

// The whole detail comes from one read (useStallDetail) handed down as props: one commit shows it, instead of
// one commit per panel's own live query (bench 4c). The visit history and the checklist's rows after the first are
// `content-visibility: auto` (theme.css .detail-section, .step-row): below the fold, their style and layout wait.
//
// Their rendering waits too: the first commit has the facts, the consent line, the checklist's heading, progress
// and first step, and the notes' heading and first card; the other 14 steps (each with five buttons), the
// visit lines and the other notes follow in a background render right after it (`useDeferredValue` with an
// initial value; React renders it as soon as the first commit is done, interruptible by a tap). On a 1024x768 or
// 768x1024 screen they are below the fold at first. They were ≈ 40% of an opening's main-thread time (CDP trace
// at CPU 4x: 173 -> 106 ms per opening without them, 287 -> 163 ms for the first opening; bench 4c). The eight
// later note cards (render and layout, they are not `content-visibility: auto`) took ≈ 10 ms more per opening
// (A/B at CPU 4x: later openings 71 -> 62 ms median, first opening 120 -> 79 ms).
function StallDetail({ stallId, editing }: { stallId: string; editing: boolean }) {
  const { t } = useTranslation('merchants');
  const navigate = useNavigate();
  const [notesLimit, setNotesLimit] = useState(NOTES_PAGE);
  const detail = useStallDetail(stallId, notesLimit);
  const rest = useDeferredValue(true, false);
  const more = useCallback(() => setNotesLimit((l) => l + NOTES_PAGE), []);
  const { stall } = detail;
  if (stall === null) {
    return (
      <div>
        <BackToList />
        <p role="alert">{t('detail.notFound')}</p>
      </div>
    );
  }
  const here = `/stalls/${encodeURIComponent(stallId)}`;
  return (
    <div className="stack">
      <BackToList />
      {editing ? (
        <StallForm stall={stall} onDone={() => navigate(here)} onCancel={() => navigate(here)} />
      ) : (
        <StallFacts stall={stall} />
      )}
      <div className="card">
        <ConsentSummary stallId={stallId} consents={detail.consents} />
      </div>
      <div className="card">
        <ChecklistView
          stallId={stallId}
          items={detail.checklist}
          names={detail.names}
          limit={rest ? undefined : FIRST_STEPS}
        />
      </div>
      <div className="card detail-section">
        {rest ? <VisitHistoryView stallId={stallId} visits={detail.visits} names={detail.names} /> : null}
      </div>
      <div className="card">
        <NotesSection
          stallId={stallId}
          page={detail.notes}
          names={detail.names}
          onMore={more}
          limit={rest ? undefined : FIRST_NOTES}
        />
      </div>
    </div>
  );
}

function Loading() {
  const { t } = useTranslation();
  return <p>{t('loading')}</p>;
}

export function StallsRoute() {
  const { t } = useTranslation();
  const { stallId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const adding = params.get('add') === '1';
  // The open stall, for the list's rows (one store per screen: the 점포 warm-up's root has its own). Set before paint,
  // in the same task as the opening's commit; the two rows whose selection changed re-render then.
  const [selection] = useState(() => createStallSelection(stallId));
  useLayoutEffect(() => selection.set(stallId), [selection, stallId]);
  const detail = adding ? (
    <div className="stack">
      <BackToList />
      <StallForm onDone={(id) => navigate(`/stalls/${encodeURIComponent(id)}`)} onCancel={() => navigate('/stalls')} />
    </div>
  ) : stallId ? (
    <StallDetail key={stallId} stallId={stallId} editing={params.get('edit') === '1'} />
  ) : (
    <p>{t('merchants:detail.pick')}</p>
  );
  return (
    // A fixed frame to the tab bar: the list scrolls in its own box, beside (or instead of) the detail's pane.
    <Screen title={t('nav.stalls')} actions={<AddStallLink />} fill>
      <SplitView
        fill
        detailKey={adding ? 'add' : stallId}
        list={
          <StallSelectionContext.Provider value={selection}>
            <StallList />
          </StallSelectionContext.Provider>
        }
        detail={
          // Outside the detail keyed by stall: opening another stall keeps the current pane until the new one is
          // read (the router navigates in a transition), instead of flashing this fallback.
          <Suspense fallback={<Loading />}>{detail}</Suspense>
        }
        hasDetail={adding || Boolean(stallId)}
      />
    </Screen>
  );
}

/**
 * Runs this screen's components once — the list and a stall's detail with its notes — in a detached root, lays
 * the result out once, hidden (see below), and unmounts it; called once the stalls chunk is loaded after start.
 * The first time a component runs is its slowest (the JavaScript engine has no type feedback for it yet, i18next
 * looks up its namespaces for the first time), and so is the first layout of its elements and text: the 점포 tab
 * tap and the first stall opening paid for both (bench 4b, 4c: with the render done before them, A/B at CPU 4x,
 * tab tap 103 -> 60 ms, first opening 131 -> 86 ms). The stall is the list's first; its detail and those of the
 * other rows the list shows first are read here and kept for the first tap (`readAhead`: dropped on any change to
 * the detail's tables, so nothing stale is served). Once the tutor has tapped (`tapped`), it does not start: its
 * work would run beside what the tap shows.
 *
 * It renders and commits in one task (`flushSync`), not as a transition in 5 ms slices: sliced, its render was
 * interleaved with the start's other work (the list's reads, the fonts' warm-up) and often still running when the
 * bench tapped 점포 ≈ 0.8 s after the first paint; the tap dropped it, and both taps paid for the first run after
 * all (CDP trace at CPU 4x: a first opening rendering ≈ 93 ms and laying out ≈ 44 instead of 33–56 and 10–18). In
 * one task it is done sooner (A/B at CPU 4x, two runs of 10 rounds, the builds' order swapped: first opening
 * 118 -> 86 and 127 -> 123 ms median, tab tap 78 -> 58 and 83 -> 73; later openings unchanged); a tap that comes
 * during it waits for it (≈ 60–90 ms at CPU 4x).
 *
 * Since the fifteenth session that one task is two: the list (at /stalls), then a navigation of its router to the
 * stall, each rendered and committed in one task. As one, it took up to ≈ 180 ms at CPU 4x at slow moments and
 * ended just before the bench's tab tap, which then waited for it (CDP traces; bench 4b: 129 ms where the click's
 * own task was 70). The navigation also runs the 점포 screen's own route change once before a tutor's first stall
 * opening. When the tutor taps during it, the rest is skipped and the off-page tree is unmounted when the browser is
 * next idle, not right after the tap.
 */
export async function warmStallsScreen(marketId: string, tapped: () => boolean): Promise<void> {
  // The rows the list shows first: their details are read here, and the first one's is what the warm-up renders;
  // kept for the first tap on one of them (`readAhead`, below).
  const first = await getDb()
    .stalls.where('[marketId+name]')
    .between([marketId, Dexie.minKey], [marketId, Dexie.maxKey])
    .limit(rowsAtFirst())
    .primaryKeys();
  const stallId = first[0];
  if (stallId === undefined || tapped()) return;
  // All read at once; the detail's render waits for the first only (the others' answers come during or after it).
  const reads = first.map(preloadStallDetail);
  const box = document.createElement('div');
  const root = createRoot(box);
  const router = createMemoryRouter(
    [
      {
        path: '/stalls/:stallId?',
        element: (
          <LinkNavigation>
            <StallsRoute />
          </LinkNavigation>
        ),
      },
    ],
    { initialEntries: ['/stalls'] },
  );
  /** Cut short by a tap: its tree is unmounted when the browser is next idle, not in the tap's aftermath. */
  let cut = false;
  try {
    // The list first, then the stall: two tasks, so a tap that comes during the warm-up waits for one of them only.
    renderRouterNow(root, router);
    await reads[0];
    await nextTask();
    if ((cut = tapped())) return;
    await router.navigate(`/stalls/${encodeURIComponent(stallId)}`, { flushSync: true });
    // Unmounted in the next task after its commit: before the detail's live queries would start (when idle, at
    // most 300 ms later) — work that otherwise ran into the first taps.
    await nextTask();
    // Laid out once, hidden, at the page's width, in the same task that removes it again (no other script — no
    // probe, no test — can see it in the page): the first layout of the list's and the detail's elements and text
    // is the slowest (≈ 30 ms of a first opening's 45–50 ms of style/layout/paint at CPU 4x, half of that
    // afterwards). Not once the tutor has tapped: it is one task of ≈ 30–50 ms at CPU 4x.
    if ((cut = tapped())) return;
    const width = document.documentElement.clientWidth;
    box.style.cssText = `position:absolute;left:0;top:0;width:${width}px;visibility:hidden;contain:layout paint`;
    box.setAttribute('aria-hidden', 'true');
    document.body.append(box);
    box.getBoundingClientRect();
    // The first rows' details, read above, kept for the first tap on a stall (the list, once shown, keeps its rows'
    // details read): before the unmount, so the detail rendered here is kept too. Once only: a change before the
    // list is shown drops them, and they are read when it is.
    readAhead(first, { once: true });
  } finally {
    const dispose = () => {
      root.unmount();
      router.dispose();
      box.remove();
    };
    if (cut) whenIdle(dispose, { timeout: 2000 });
    else dispose();
  }
}
