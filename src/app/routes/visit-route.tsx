// During a visit: the stall's checklist steps to work on, the consulting note for this visit (editor, then the
// notes already written during it), marking the visit done, and one tap to book the follow-up.
import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from '../i18n/use-translation';
import { AppLink } from '../ui/app-link';
import { ChecklistPanel } from '../features/checklists/checklist-panel';
import { NoteEditor } from '../features/notes/note-editor';
import { FollowUpBooking } from '../features/visits/follow-up-booking';
import { useVisitNote } from '../features/visits/use-visit-note';
import { useVisit } from '../features/visits/use-visits';
import { VisitNotes } from '../features/visits/visit-notes';
import { VisitSummary } from '../features/visits/visit-summary';
import { Screen } from '../ui/screen';

/** The note editor opens the visit's note as it was when the screen opened; later saves stay in the editor. */
function VisitNote({ stallId, visitId, noteId }: { stallId: string; visitId: string; noteId: string | null }) {
  const [initial] = useState(noteId);
  return <NoteEditor stallId={stallId} visitId={visitId} noteId={initial} />;
}

export function VisitRoute() {
  const { t } = useTranslation('visits');
  const { stallId = '', visitId = '' } = useParams();
  const row = useVisit(visitId);
  const note = useVisitNote(stallId, visitId);
  if (row === undefined || note === undefined) return <p>{t('common:loading')}</p>;
  if (row === null || row.visit.stallId !== stallId) {
    return (
      <Screen title={t('during.title')}>
        <p role="alert">{t('during.notFound')}</p>
        <AppLink to="/today">{t('during.backToday')}</AppLink>
      </Screen>
    );
  }
  return (
    <Screen title={`${row.stall?.name ?? stallId} · ${t('during.title')}`}>
      <VisitSummary row={row} />
      <div className="during-grid">
        <section aria-labelledby="during-steps">
          <h2 id="during-steps">{t('during.steps')}</h2>
          <ChecklistPanel stallId={stallId} compact />
        </section>
        <section aria-label={t('during.note')} className="during-note">
          <VisitNote stallId={stallId} visitId={visitId} noteId={note.noteId} />
          <VisitNotes visitId={visitId} />
        </section>
      </div>
      <FollowUpBooking visit={row.visit} followUpDate={note.followUpDate} nextStep={note.nextStep} />
    </Screen>
  );
}
