// The notes written during this visit, read-only under the editor: who wrote each, when, and what it says.
import { useTranslation } from '../../i18n/use-translation';
import type { Note } from '../../../domain';
import { useTutorNames } from '../../db/repos/tutors';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { useVisitNotes } from './use-visit-notes';
import './visits.css';

function NoteItem({ note, author }: { note: Note; author: string | null | undefined }) {
  const { t } = useTranslation('visits');
  const language = useLanguage();
  const parts: [string, string][] = [
    [t('notes.taught'), note.taught],
    [t('notes.hard'), note.hard],
    [t('notes.nextStep'), note.nextStep],
  ];
  return (
    <li className="visit-note">
      <p className="visit-note-head">
        <span className="visit-note-who">{author ? t('history.by', { name: author }) : t('history.nobody')}</span>
        <span> · {formatDate(note.writtenAt, 'time', language)}</span>
        {note.conflictOf ? <span className="badge badge-warn">{t('notes.copy')}</span> : null}
      </p>
      {note.topics.length > 0 ? <p className="visit-note-topics">{note.topics.join(' · ')}</p> : null}
      <dl>
        {parts
          .filter(([, text]) => text.trim() !== '')
          .map(([label, text]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{text}</dd>
            </div>
          ))}
      </dl>
      {note.followUpDate ? (
        <p>{t('notes.followUp', { date: formatDate(`${note.followUpDate}T00:00`, 'shortDate', language) })}</p>
      ) : null}
    </li>
  );
}

export function VisitNotes({ visitId }: { visitId: string }) {
  const { t } = useTranslation('visits');
  const names = useTutorNames();
  const notes = useVisitNotes(visitId);
  if (notes === undefined) return null;
  return (
    <section className="card visit-notes" aria-labelledby="visit-notes-title">
      <h2 id="visit-notes-title">{t('notes.title', { count: notes.length })}</h2>
      {notes.length === 0 ? (
        <p className="visit-hint">{t('notes.empty')}</p>
      ) : (
        <ul aria-labelledby="visit-notes-title">
          {notes.map((n) => (
            <NoteItem key={n.id} note={n} author={n.tutorId ? names?.get(n.tutorId) : null} />
          ))}
        </ul>
      )}
    </section>
  );
}
