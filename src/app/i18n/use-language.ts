// The current UI language as a typed value, plus a setter.
import { useTranslation } from './use-translation';
import type { Language } from './index';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'ko';
}
