// The visit form's schema (zod, with messages in the tutor's language) and its mapping to a visit's fields,
// which are checked once more against VisitSchema from the domain before anything is written.
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { IsoDate, VisitSchema } from '../../../domain';
import type { VisitFields } from '../../db/repos/visits';
import { toInstant } from './time';

export interface VisitFormValues {
  stallId: string;
  date: string;
  time: string;
  durationMin: number;
  tutorId: string;
  purpose: string;
}

export function makeVisitFormSchema(t: TFunction) {
  return z
    .object({
      stallId: z
        .string()
        .min(1, { error: t('visits:form.errStall') })
        .pipe(VisitSchema.shape.stallId),
      date: IsoDate.or(z.literal('')).refine((v) => v !== '', { error: t('visits:form.errDate') }),
      time: z.string().regex(/^\d{2}:\d{2}$/, { error: t('visits:form.errTime') }),
      durationMin: z
        .number({ error: t('visits:form.errDuration') })
        .int({ error: t('visits:form.errDuration') })
        .min(5, { error: t('visits:form.errDuration') })
        .max(480, { error: t('visits:form.errDuration') }),
      tutorId: z.string(),
      purpose: z
        .string()
        .trim()
        .max(200, { error: t('visits:form.errPurpose') }),
    })
    .superRefine((v, ctx) => {
      if (v.date && /^\d{2}:\d{2}$/.test(v.time) && !toInstant(v.date, v.time)) {
        ctx.addIssue({ code: 'custom', path: ['time'], message: t('visits:form.errTime') });
      }
    });
}

/** The fields a booking sets, validated against the domain's VisitSchema. */
export function toVisitFields(
  v: VisitFormValues,
): Pick<VisitFields, 'stallId' | 'tutorId' | 'scheduledAt' | 'durationMin' | 'purpose'> {
  const picked = {
    stallId: v.stallId,
    tutorId: v.tutorId || null,
    scheduledAt: toInstant(v.date, v.time) ?? '',
    durationMin: v.durationMin,
    purpose: v.purpose.trim(),
  };
  return VisitSchema.pick({ stallId: true, tutorId: true, scheduledAt: true, durationMin: true, purpose: true }).parse(
    picked,
  );
}
