// Turns an error from the write path into words for the tutor (quota, validation, other).
import type { TFunction } from 'i18next';
import { isQuotaError, ValidationError } from '../db/errors';

export function errorText(err: unknown, t: TFunction, language: 'ko' | 'en'): string {
  if (isQuotaError(err)) return t('common:quotaError');
  if (err instanceof ValidationError) return language === 'ko' ? err.messageKo : err.message;
  const message = err instanceof Error ? err.message : String(err);
  return t('common:unknownError', { message });
}
