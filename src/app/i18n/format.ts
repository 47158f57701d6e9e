// Dates and times in the tutor's language (Korean format first), through date-fns and its locales.
import { format, type Locale } from 'date-fns';
import { enUS, ko } from 'date-fns/locale';
import type { Language } from './index';

const LOCALES: Record<Language, Locale> = { ko, en: enUS };

const PATTERNS = {
  date: { ko: 'yyyy년 M월 d일 (EEE)', en: 'EEE, MMM d, yyyy' },
  shortDate: { ko: 'M월 d일 (EEE)', en: 'EEE, MMM d' },
  time: { ko: 'a h:mm', en: 'h:mm a' },
  dateTime: { ko: 'M월 d일 (EEE) a h:mm', en: 'EEE, MMM d, h:mm a' },
} as const;

export type DateStyle = keyof typeof PATTERNS;

export function formatDate(value: Date | string | number, style: DateStyle, language: Language): string {
  const d = typeof value === 'string' || typeof value === 'number' ? new Date(value) : value;
  return format(d, PATTERNS[style][language], { locale: LOCALES[language] });
}
