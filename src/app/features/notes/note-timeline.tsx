// A stall's consulting notes, newest first: author and time, conflict copies marked. Text is shown as plain
// text (React escapes it), so anything HTML- or script-like a tutor typed stays harmless words.
import { memo, useMemo } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { NotesPage, NoteView } from '../../db/repos/notes';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { Button } from '../../ui/button';
import './notes.css';

type Translate = ReturnType<typeof useTranslation>['t'];

/**
 * A message with variables, looked up once per timeline and filled in per card by plain string building: an
 * interpolated `t()` cost ≈ 0.5 ms per call at CPU 4x (lookup, namespace checks, interpolation), two to four per
 * card (bench 4c). `t` is called once with a marker per variable, so fallbacks and plural-free wording are i18next's
 * own; the markers are then replaced.
 */
function template<K extends string>(
  t: Translate,
  key: 'byAt' | 'edited' | 'editNamed' | 'followUp',
  vars: readonly K[],
): (values: Record<K, string>) => string {
  const marker = (name: string) => `\ue000${name}\ue001`;
  const text = String(t(key as never, Object.fromEntries(vars.map((v) => [v, marker(v)])) as never));
  const parts = text.split(/\ue000(\w+)\ue001/);
  // parts: literal, variable name, literal, variable name, …, literal
  return (values) => {
    let out = parts[0] ?? '';
    for (let i = 1; i < parts.length; i += 2) out += values[parts[i] as K] + (parts[i + 1] ?? '');
    return out;
  };
}

/** The words every card shows the same, looked up once per timeline (not 5 lookups per card). */
interface NoteLabels {
  edit: string;
  topics: string;
  taught: string;
  hard: string;
  nextStep: string;
  conflictCopy: string;
  conflictHint: string;
  byAt: (v: { who: string; when: string }) => string;
  edited: (v: { who: string; when: string }) => string;
  editNamed: (v: { when: string }) => string;
  followUp: (v: { date: string }) => string;
}

function noteLabels(t: Translate): NoteLabels {
  return {
    edit: t('edit'),
    topics: t('topics'),
    taught: t('taught'),
    hard: t('hard'),
    nextStep: t('nextStep'),
    conflictCopy: t('conflictCopy'),
    conflictHint: t('conflictHint'),
    byAt: template(t, 'byAt', ['who', 'when']),
    edited: template(t, 'edited', ['who', 'when']),
    editNamed: template(t, 'editNamed', ['when']),
    followUp: template(t, 'followUp', ['date']),
  };
}

// The timeline's words and language come as props (no translation hooks or `t()` calls per card), and the author
// line is built once for both its uses: i18next lookups were a third of a stall opening's render time (bench 4c).
const NoteCard = memo(function NoteCard({
  note,
  names,
  onEdit,
  language,
  labels,
}: {
  note: NoteView;
  names: Map<string, string>;
  onEdit: (id: string) => void;
  language: ReturnType<typeof useLanguage>;
  labels: NoteLabels;
}) {
  const who = (id: string | null) => (id ? (names.get(id) ?? id) : '—');
  const when = formatDate(note.writtenAt, 'dateTime', language);
  const byAt = labels.byAt({ who: who(note.tutorId), when });
  return (
    <article className="card note-card" aria-label={byAt}>
      <header className="title-row">
        <strong>{byAt}</strong>
        {note.conflictOf ? <span className="badge badge-warn">{labels.conflictCopy}</span> : null}
        <Button onClick={() => onEdit(note.id)} aria-label={labels.editNamed({ when })}>
          {labels.edit}
        </Button>
      </header>
      {note.edited ? (
        <p className="note-edited">
          {labels.edited({ who: who(note.updatedBy), when: formatDate(note.updatedAt, 'dateTime', language) })}
        </p>
      ) : null}
      {note.conflictOf ? <p className="note-conflict">{labels.conflictHint}</p> : null}
      {note.topics.length ? (
        <ul aria-label={labels.topics} className="note-topics">
          {note.topics.map((topic) => (
            <li key={topic} className="badge badge-ok">
              {topic}
            </li>
          ))}
        </ul>
      ) : null}
      {(['taught', 'hard', 'nextStep'] as const).map((k) =>
        note[k] ? (
          <div key={k}>
            <h4>{labels[k]}</h4>
            <p className="note-text">{note[k]}</p>
          </div>
        ) : null,
      )}
      {note.followUpDate ? (
        <p className="note-text note-follow-up">
          {labels.followUp({ date: formatDate(`${note.followUpDate}T00:00:00`, 'date', language) })}
        </p>
      ) : null}
    </article>
  );
});

/**
 * The newest notes (read with the rest of the stall detail); "더 보기" asks for the next page (`onMore`).
 * `limit`: show only the first notes (the stall detail's first commit; the rest follow right after it).
 */
export function NoteTimeline({
  page,
  names,
  onEdit,
  onMore,
  limit,
}: {
  page: NotesPage;
  names: Map<string, string>;
  onEdit: (noteId: string) => void;
  onMore: () => void;
  limit?: number | undefined;
}) {
  const { t } = useTranslation('notes');
  const language = useLanguage();
  const labels = useMemo(() => noteLabels(t), [t]);
  if (page.notes.length === 0) return <p>{t('empty')}</p>;
  return (
    <>
      <div role="feed" aria-label={t('timeline')}>
        {(limit === undefined ? page.notes : page.notes.slice(0, limit)).map((n) => (
          <NoteCard key={n.id} note={n} names={names} onEdit={onEdit} language={language} labels={labels} />
        ))}
      </div>
      {page.more && limit === undefined ? <Button onClick={onMore}>{t('showMore')}</Button> : null}
    </>
  );
}
