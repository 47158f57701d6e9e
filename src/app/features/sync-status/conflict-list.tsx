// Conflicts to review: each note two tutors edited at once, its original and its conflict copy side by side,
// with keep mine / keep theirs / keep both (named original / copy when neither was written here).
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { TFunction } from 'i18next';
import { Button } from '../../ui/button';
import { errorText } from '../../ui/error-text';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { getDb } from '../../db/database';
import { getMeta } from '../../db/meta';
import { useConflicts, type ConflictPair } from '../../sync/index';
import { mySide, resolveConflict, type ConflictChoice } from './resolve-conflict';

type Note = ConflictPair['copy'];

function NoteText({ note, title }: { note: Note | undefined; title: string }) {
  const { t } = useTranslation('sync-status');
  const language = useLanguage();
  return (
    <article className="sync-conflict-side" aria-label={title}>
      <h4>{title}</h4>
      {note ? (
        <>
          <p>{t('conflicts.by', { time: formatDate(note.updatedAt, 'dateTime', language) })}</p>
          {note.topics.length > 0 ? <p>{note.topics.join(', ')}</p> : null}
          <p>{note.taught}</p>
          {note.hard ? <p>{note.hard}</p> : null}
          {note.nextStep ? <p>{note.nextStep}</p> : null}
        </>
      ) : (
        <p>{t('conflicts.missing')}</p>
      )}
    </article>
  );
}

function labels(t: TFunction, mine: 'original' | 'copy' | null) {
  if (mine === null) {
    return {
      original: t('conflicts.original'),
      copy: t('conflicts.copy'),
      keepOriginal: t('conflicts.keepOriginal'),
      keepCopy: t('conflicts.keepCopy'),
    };
  }
  const side = (s: 'original' | 'copy') => (s === mine ? t('conflicts.mine') : t('conflicts.theirs'));
  const keep = (s: 'original' | 'copy') => (s === mine ? t('conflicts.keepMine') : t('conflicts.keepTheirs'));
  return { original: side('original'), copy: side('copy'), keepOriginal: keep('original'), keepCopy: keep('copy') };
}

function Conflict({ pair, deviceId }: { pair: ConflictPair; deviceId: string | undefined }) {
  const { t } = useTranslation('sync-status');
  const language = useLanguage();
  const [error, setError] = useState<string | null>(null);
  const l = labels(t, mySide(pair, deviceId));
  const choose = async (choice: ConflictChoice) => {
    try {
      setError(null);
      await resolveConflict(pair, choice);
    } catch (err) {
      setError(errorText(err, t, language));
    }
  };
  return (
    <li className="card">
      <div className="sync-conflict">
        <NoteText note={pair.original} title={l.original} />
        <NoteText note={pair.copy} title={l.copy} />
      </div>
      <div className="sync-actions">
        <Button onClick={() => void choose('original')}>{l.keepOriginal}</Button>
        <Button onClick={() => void choose('copy')}>{l.keepCopy}</Button>
        <Button variant="primary" onClick={() => void choose('both')}>
          {t('conflicts.keepBoth')}
        </Button>
      </div>
      {error ? <p role="alert">{error}</p> : null}
    </li>
  );
}

export function ConflictList() {
  const { t } = useTranslation('sync-status');
  const pairs = useConflicts();
  const deviceId = useLiveQuery(() => getMeta<string>(getDb(), 'deviceId'), []);
  return (
    <section aria-labelledby="sync-conflicts">
      <h2 id="sync-conflicts">{t('conflicts.title')}</h2>
      {pairs && pairs.length > 0 ? (
        <>
          <p>{t('conflicts.intro')}</p>
          <ul className="sync-list">
            {pairs.map((p) => (
              <Conflict key={p.copy.id} pair={p} deviceId={deviceId} />
            ))}
          </ul>
        </>
      ) : (
        <p>{t('conflicts.empty')}</p>
      )}
    </section>
  );
}
