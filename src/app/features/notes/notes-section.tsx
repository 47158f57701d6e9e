// Stall detail's notes: the timeline, a button for a new note, and the editor for a new or chosen note.
import { memo, useCallback, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { NotesPage } from '../../db/repos/notes';
import { Button } from '../../ui/button';
import { NoteEditor } from './note-editor';
import { NoteTimeline } from './note-timeline';

/** Which editor is open: a new note, or an existing one. `key` remounts the editor on each opening. */
type Editing = { key: number; noteId: string | null } | null;

/**
 * `page`: the newest notes, read with the rest of the stall detail; `onMore` asks for older ones; `limit`: show
 * only the first notes for now (see NoteTimeline).
 */
export const NotesSection = memo(function NotesSection({
  stallId,
  page,
  names,
  onMore,
  limit,
}: {
  stallId: string;
  page: NotesPage;
  names: Map<string, string>;
  onMore: () => void;
  limit?: number | undefined;
}) {
  const { t } = useTranslation('notes');
  const [editing, setEditing] = useState<Editing>(null);
  const open = useCallback((noteId: string | null) => setEditing((e) => ({ key: (e?.key ?? 0) + 1, noteId })), []);
  return (
    <section aria-labelledby={`notes-${stallId}`}>
      <div className="title-row notes-head">
        <h2 id={`notes-${stallId}`}>{t('title')}</h2>
        <Button variant="primary" onClick={() => open(null)} data-draft-reopen="note-new">
          {t('newNote')}
        </Button>
      </div>
      {editing ? (
        // After a save the editor stays open on the saved note (or its conflict copy) and says it saved.
        // data-draft-*: the shared tablet's lock keeps what is typed here and reopens this editor (issue 4).
        <div data-draft-scope={editing.noteId ? `note-${editing.noteId}` : 'note-new'}>
          <NoteEditor key={editing.key} stallId={stallId} noteId={editing.noteId} onCancel={() => setEditing(null)} />
        </div>
      ) : null}
      <NoteTimeline page={page} names={names} onEdit={open} onMore={onMore} limit={limit} />
    </section>
  );
});
