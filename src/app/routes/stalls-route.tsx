// The 점포 screen: the stall list beside the chosen stall's detail (landscape), or one pane with a back link
// (portrait). /stalls?add=1 opens the new-stall form; /stalls/:stallId?edit=1 the edit form.
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ChecklistPanel } from '../features/checklists/checklist-panel';
import { ConsentSummary } from '../features/consent/consent-summary';
import { StallFacts } from '../features/merchants/stall-facts';
import { StallForm } from '../features/merchants/stall-form';
import { AddStallLink, StallList } from '../features/merchants/stall-list';
import { useStall } from '../features/merchants/use-stalls';
import { NotesSection } from '../features/notes/notes-section';
import { VisitHistory } from '../features/visits/visit-history';
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

// The sections below the facts read their own data from the stall id, so they do not wait for the stall's read
// (one IndexedDB round trip less before the notes show, bench 4c). The checklist and visit history are
// `content-visibility: auto` (theme.css .detail-section): below the fold, their style and layout wait.
function StallDetail({ stallId, editing }: { stallId: string; editing: boolean }) {
  const { t } = useTranslation('merchants');
  const navigate = useNavigate();
  const stall = useStall(stallId);
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
      {stall === undefined ? (
        <p>{t('common:loading')}</p>
      ) : editing ? (
        <StallForm stall={stall} onDone={() => navigate(here)} onCancel={() => navigate(here)} />
      ) : (
        <StallFacts stall={stall} />
      )}
      <div className="card">
        <ConsentSummary stallId={stallId} />
      </div>
      <div className="card detail-section">
        <ChecklistPanel stallId={stallId} />
      </div>
      <div className="card detail-section">
        <VisitHistory stallId={stallId} />
      </div>
      <div className="card">
        <NotesSection stallId={stallId} />
      </div>
    </div>
  );
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
      <SplitView list={<StallList selectedId={stallId} />} detail={detail} hasDetail={adding || Boolean(stallId)} />
    </Screen>
  );
}
