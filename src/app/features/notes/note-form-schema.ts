// The note form's schema, built from NoteSchema (one contract), and its errors in the tutor's language.
import { z } from 'zod';
import type { TFunction } from 'i18next';
import { IsoDate, lazySchema, NoteSchema } from '../../../domain';
import type { NoteText } from '../../db/repos/notes';

// Built on first use (domain/lazy-schema.ts), not when the prefetched chunk loads after start.
export const NoteFormSchema = lazySchema(() =>
  NoteSchema.pick({ topics: true, taught: true, hard: true, nextStep: true })
    .extend({ followUpDate: z.union([z.literal(''), IsoDate]) })
    .refine((v) => v.taught !== '' || v.hard !== '' || v.nextStep !== '' || v.topics.length > 0, {
      path: ['taught'],
      params: { kind: 'empty' },
    }),
);

export type NoteFormValues = z.input<typeof NoteFormSchema>;

export function toNoteText(v: NoteFormValues): NoteText {
  return {
    topics: v.topics.map((s) => s.trim()).filter(Boolean),
    taught: v.taught.trim(),
    hard: v.hard.trim(),
    nextStep: v.nextStep.trim(),
    followUpDate: v.followUpDate === '' ? null : v.followUpDate,
  };
}

export function toNoteValues(n: NoteText | undefined): NoteFormValues {
  return {
    topics: n?.topics ?? [],
    taught: n?.taught ?? '',
    hard: n?.hard ?? '',
    nextStep: n?.nextStep ?? '',
    followUpDate: n?.followUpDate ?? '',
  };
}

export function noteErrorMap(t: TFunction): z.core.$ZodErrorMap {
  return (issue) => {
    const field = issue.path?.[0];
    if (issue.code === 'custom' && issue.params?.kind === 'empty') return t('notes:errors.empty');
    if (issue.code === 'too_big' && issue.origin === 'array') return t('notes:errors.tooMany', { max: 20 });
    if (issue.code === 'too_big') return t('notes:errors.tooLong', { max: Number(issue.maximum) });
    if (field === 'followUpDate') return t('notes:errors.date');
    return t('notes:errors.invalid');
  };
}
