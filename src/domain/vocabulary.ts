// Fixed vocabularies from the product brief (PRODUCT.md): categories, market types, statuses.
// Kept as readonly tuples so zod enums and UI pickers share one source.

export const CATEGORIES = [
  '청과·채소',
  '정육',
  '수산',
  '건어물',
  '반찬',
  '떡·방앗간',
  '김치·젓갈',
  '곡물·견과',
  '분식·음식점',
  '제과',
  '의류',
  '신발·잡화',
  '그릇·주방',
  '침구',
  '약재',
  '꽃',
  '기타',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const MARKET_TYPES = ['건물형', '아케이드형', '골목형'] as const;
export const MARKET_SCHEDULES = ['상설', '5일장'] as const;
export type MarketSchedule = (typeof MARKET_SCHEDULES)[number];
/** A 5일장's market days: the dates whose last digit is one of the pair (a 31st counts for 1·6, see market-days.ts). */
export const MARKET_DAYS = ['1·6', '2·7', '3·8', '4·9', '5·10'] as const;
export type MarketDays = (typeof MARKET_DAYS)[number];

export const VISIT_STATUSES = ['scheduled', 'done', 'missed', 'cancelled', 'rescheduled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const STEP_STATUSES = ['todo', 'done', 'blocked', 'na'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const BUSINESS_STATUSES = ['not_applied', 'submitted', 'approved', 'rejected'] as const;
export type BusinessStatus = (typeof BUSINESS_STATUSES)[number];

export const TUTOR_ROLES = ['tutor', 'lead'] as const;
export type TutorRole = (typeof TUTOR_ROLES)[number];

export const CONSENT_METHODS = ['tablet', 'paper', 'verbal'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
