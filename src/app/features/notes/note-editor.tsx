// The 1:1 consulting note editor. It remembers the note's text clock when it opened and saves against it, so
// an edit racing another tutor's becomes a conflict copy, never an overwrite. On any error the typed text stays.
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from '../../i18n/use-translation';
import type { Hlc } from '../../../domain';
import { getDb } from '../../db/database';
import { openNote, saveNote } from '../../db/repos/notes';
import { readTutorId } from '../../db/session';
import { useLanguage } from '../../i18n/use-language';
import { Button } from '../../ui/button';
import { errorText } from '../../ui/error-text';
import { Field } from '../../ui/field';
import { noteErrorMap, NoteFormSchema, toNoteText, toNoteValues, type NoteFormValues } from './note-form-schema';
import { TopicChips } from './topic-chips';

export interface NoteEditorProps {
  stallId: string;
  visitId?: string | null;
  noteId?: string | null;
  onSaved?: (noteId: string) => void;
  onCancel?: () => void;
}

type Loaded = { state: 'loading' } | { state: 'missing' } | { state: 'ready'; id: string | null; base: Hlc | null };

export function NoteEditor({ stallId, visitId = null, noteId = null, onSaved, onCancel }: NoteEditorProps) {
  const { t } = useTranslation('notes');
  const language = useLanguage();
  const [loaded, setLoaded] = useState<Loaded>(
    noteId ? { state: 'loading' } : { state: 'ready', id: null, base: null },
  );
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const resolver = useMemo(() => zodResolver(NoteFormSchema, { error: noteErrorMap(t) }), [t]);
  const form = useForm<NoteFormValues>({ resolver, defaultValues: toNoteValues(undefined) });
  const { register, handleSubmit, formState, reset, setValue, watch } = form;

  useEffect(() => {
    if (!noteId) return;
    let live = true;
    void openNote(getDb(), noteId).then((opened) => {
      if (!live) return;
      if (!opened) return setLoaded({ state: 'missing' });
      reset(toNoteValues(opened.note));
      setLoaded({ state: 'ready', id: noteId, base: opened.base });
    });
    return () => {
      live = false;
    };
  }, [noteId, reset]);

  if (loaded.state === 'loading') return <p>{t('loading')}</p>;
  if (loaded.state === 'missing') return <p role="alert">{t('notFound')}</p>;

  const onSubmit = handleSubmit(async (values) => {
    setNotice(null);
    try {
      const res = await saveNote(getDb(), {
        id: loaded.id,
        stallId,
        visitId,
        text: toNoteText(values),
        base: loaded.base,
        tutorId: await readTutorId(),
      });
      setLoaded({ state: 'ready', id: res.id, base: res.base });
      setNotice({ kind: 'info', text: res.conflict ? t('conflictSaved') : t('saved') });
      onSaved?.(res.id);
    } catch (err) {
      // The form keeps every value: nothing typed is lost.
      setNotice({ kind: 'error', text: errorText(err, t, language) });
    }
  });

  const err = (k: keyof NoteFormValues) => formState.errors[k]?.message;
  const area = (k: 'taught' | 'hard' | 'nextStep') => (
    <Field label={t(k)} error={err(k)}>
      {(p) => <textarea {...p} {...register(k)} />}
    </Field>
  );

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="card"
      aria-labelledby={`note-editor-${stallId}`}
      style={{ marginBottom: '0.75rem' }}
    >
      <h2 id={`note-editor-${stallId}`}>{loaded.id ? t('editTitle') : t('newTitle')}</h2>
      <TopicChips
        value={watch('topics')}
        onChange={(topics) => setValue('topics', topics, { shouldDirty: true })}
        error={err('topics')}
      />
      {area('taught')}
      {area('hard')}
      {area('nextStep')}
      <Field label={t('followUpDate')} error={err('followUpDate')}>
        {(p) => <input {...p} type="date" {...register('followUpDate')} />}
      </Field>
      {notice ? (
        <p className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
      <div style={{ display: 'flex', gap: '0.5rem' }}>
        <Button type="submit" variant="primary" size="large" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('saving') : t('save')}
        </Button>
        {onCancel ? (
          <Button size="large" onClick={onCancel}>
            {t('cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
