// The stall form's schema, built from StallSchema (one contract), and its errors in the tutor's language.
import { z } from 'zod';
import type { TFunction } from 'i18next';
import { lazySchema, StallSchema } from '../../../domain';

// Built on first use (domain/lazy-schema.ts), not when the prefetched chunk loads after start.
export const StallFormSchema = lazySchema(() =>
  StallSchema.pick({
    name: true,
    category: true,
    building: true,
    floor: true,
    row: true,
    number: true,
    landmark: true,
    merchantName: true,
    merchantPhone: true,
    channelName: true,
    channelSearchId: true,
    channelOpened: true,
    businessStatus: true,
    friendCount: true,
  }).extend({
    channelUrl: StallSchema.shape.channelUrl.refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), {
      params: { kind: 'url' },
    }),
  }),
);

export type StallFormValues = z.infer<typeof StallFormSchema>;

/** Zod issues to the words shown beside a field. */
export function stallErrorMap(t: TFunction): z.core.$ZodErrorMap {
  return (issue) => {
    const field = issue.path?.[0];
    switch (issue.code) {
      case 'too_small':
        return issue.origin === 'number' ? t('merchants:errors.number') : t('merchants:errors.required');
      case 'too_big':
        return issue.origin === 'number'
          ? t('merchants:errors.number')
          : t('merchants:errors.tooLong', { max: Number(issue.maximum) });
      case 'invalid_format':
        return field === 'merchantPhone' ? t('merchants:errors.phone') : t('merchants:errors.invalid');
      case 'invalid_type':
        return field === 'friendCount' ? t('merchants:errors.number') : t('merchants:errors.invalid');
      case 'custom':
        return issue.params?.kind === 'url' ? t('merchants:errors.url') : t('merchants:errors.invalid');
      default:
        return t('merchants:errors.invalid');
    }
  };
}
