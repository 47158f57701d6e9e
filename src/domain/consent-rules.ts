// The consent rule for personal data (PRODUCT.md 5), pure so the app and the server apply the same one:
// a stall's merchant name and phone may hold a value only while a consent is active (not withdrawn, not
// past its retention date). Consent form version 1: purpose, items and the default retention.
import { PERSONAL_STALL_FIELDS, type Consent } from './entities';

export const CONSENT_FORM_VERSION = 1;
export const CONSENT_PURPOSE_KO = '카카오톡 채널 개설·운영 교육, 방문 일정 연락과 사후관리';
export const CONSENT_ITEMS_KO = ['성명', '휴대전화번호'] as const;
/** Default retention: one year from the consent (the tutor may choose an earlier date). */
export const DEFAULT_RETENTION_DAYS = 365;

/** Korea keeps one offset all year (no summer time): UTC+9. */
const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The YYYY-MM-DD date in Korea at `ms` (the markets' and tablets' local date, worked out on the server). */
export function seoulDate(ms: number): string {
  return new Date(ms + SEOUL_OFFSET_MS).toISOString().slice(0, 10);
}

/** `today` is a local YYYY-MM-DD date. */
export function isConsentActive(c: Pick<Consent, 'deleted' | 'withdrawnAt' | 'retentionUntil'>, today: string) {
  return !c.deleted && c.withdrawnAt === null && c.retentionUntil >= today;
}

/** True when the fields give a merchant's personal field a non-empty value. */
export function setsPersonalData(fields: Record<string, unknown>): boolean {
  return PERSONAL_STALL_FIELDS.some((f) => typeof fields[f] === 'string' && (fields[f] as string).trim() !== '');
}

/** May these stall fields be saved, given the stall's consents? Erasing (empty values) is always allowed. */
export function personalDataAllowed(
  fields: Record<string, unknown>,
  consentsOfStall: readonly Pick<Consent, 'deleted' | 'withdrawnAt' | 'retentionUntil'>[],
  today: string,
): boolean {
  return !setsPersonalData(fields) || consentsOfStall.some((c) => isConsentActive(c, today));
}

/** The erasing change for a stall's personal fields (withdrawal, retention). */
export function erasedPersonalFields(): Record<(typeof PERSONAL_STALL_FIELDS)[number], string> {
  return { merchantName: '', merchantPhone: '' };
}
