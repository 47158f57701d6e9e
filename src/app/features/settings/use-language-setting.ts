// Switch the screen language at once: stored in meta 'language', applied to i18next and to <html lang>.
import { useCallback } from 'react';
import { getDb } from '../../db/database';
import { setMeta } from '../../db/meta';
import { i18next, type Language } from '../../i18n/index';

export async function applyLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  await setMeta(getDb(), 'language', language);
}

export function useSetLanguage() {
  return useCallback((language: Language) => applyLanguage(language), []);
}
