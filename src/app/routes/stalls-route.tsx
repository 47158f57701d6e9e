// The 점포 screen: the stall list beside the chosen stall's detail (landscape), or one pane with a back link
// (portrait). /stalls?add=1 opens the new-stall form; /stalls/:stallId?edit=1 the edit form.
import { Suspense, useCallback, useDeferredValue, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NOTES_PAGE } from '../db/repos/notes';
import { ChecklistView } from '../features/checklists/checklist-panel';
import { ConsentSummary } from '../features/consent/consent-summary';
import { StallFacts } from '../features/merchants/stall-facts';
import { StallForm } from '../features/merchants/stall-form';
import { AddStallLink, StallList } from '../features/merchants/stall-list';
import { useStallDetail } from '../features/merchants/use-stall-detail';
import { NotesSection } from '../features/notes/notes-section';
import { VisitHistoryView } from '../features/visits/visit-history';
import { Screen } from '../ui/screen';
import { SplitView } from '../ui/split-view';

function BackToList() {
  const { t } = useTranslation('merchants');
  return (
    <Link
      to="/stalls"
      className="btn btn-ghost split-back"
      style={{ display: 'inline-flex', alignItems: 'center', alignSelf: 'flex-start' }}
    >
      ← {t('detail.toList')}
    </Link>
  );
}

/** Checklist steps in the detail's first commit: the ones a portrait screen can show below the stall's facts. */
const FIRST_STEPS = 2;

// The whole detail comes from one read (useStallDetail) handed down as props: one commit shows it, instead of
// one commit per panel's own live query (bench 4c). The checklist and visit history are `content-visibility:
// auto` (theme.css .detail-section): below the fold, their style and layout wait.
//
// Their rendering waits too: the first commit has the facts, the consent line, the checklist's heading, progress
// and first steps, and the notes; the other 13 steps (each with five buttons) and the visit lines follow in a
// background render right after it (`useDeferredValue` with an initial value; React renders it as soon as the
// first commit is done, interruptible by a tap). On a 1024x768 or 768x1024 screen they are below the fold at
// first. They were ≈ 40% of an opening's main-thread time (CDP trace at CPU 4x: 173 -> 106 ms per opening
// without them, 287 -> 163 ms for the first opening; bench 4c).
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
    <div style={{ display: 'flex', flexDirection: 'column', gap: '1rem' }}>
      <BackToList />
      {editing ? (
        <StallForm stall={stall} onDone={() => navigate(here)} onCancel={() => navigate(here)} />
      ) : (
        <StallFacts stall={stall} />
      )}
      <div className="card">
        <ConsentSummary stallId={stallId} consents={detail.consents} />
      </div>
      <div className="card detail-section">
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
        <NotesSection stallId={stallId} page={detail.notes} names={detail.names} onMore={more} />
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
  const detail = adding ? (
    <div style={{ display: 'flex', flexDirection: 'column', gap: '1rem' }}>
      <BackToList />
      <StallForm onDone={(id) => navigate(`/stalls/${encodeURIComponent(id)}`)} onCancel={() => navigate('/stalls')} />
    </div>
  ) : stallId ? (
    <StallDetail key={stallId} stallId={stallId} editing={params.get('edit') === '1'} />
  ) : (
    <p>{t('merchants:detail.pick')}</p>
  );
  return (
    <Screen title={t('nav.stalls')} actions={<AddStallLink />}>
      <SplitView
        list={<StallList selectedId={stallId} />}
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
