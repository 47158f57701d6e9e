// i18next set up with Korean first and English switchable. Every feature keeps its strings in its own
// messages.ts (namespace = feature folder name); shared strings are the 'common' namespace.
import i18next, { type Resource, type ResourceLanguage } from 'i18next';
import { rememberTranslations } from './cached-t';
import { common } from './common';
import { messages as merchants } from '../features/merchants/messages';
import { messages as visits } from '../features/visits/messages';
import { messages as notes } from '../features/notes/messages';
import { messages as checklists } from '../features/checklists/messages';
import { messages as tutors } from '../features/tutors/messages';
import { messages as consent } from '../features/consent/messages';
import { messages as overview } from '../features/overview/messages';
import { messages as syncStatus } from '../features/sync-status/messages';
import { messages as settings } from '../features/settings/messages';
import { messages as pwa } from '../pwa/messages';
import { messages as device } from '../features/device/messages';

export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const NAMESPACES = {
  common,
  merchants,
  visits,
  notes,
  checklists,
  tutors,
  consent,
  overview,
  'sync-status': syncStatus,
  settings,
  pwa,
  device,
} as const;

export function buildResources(): Resource {
  const ko: ResourceLanguage = {};
  const en: ResourceLanguage = {};
  for (const [ns, m] of Object.entries(NAMESPACES)) {
    ko[ns] = m.ko;
    en[ns] = m.en;
  }
  return { ko, en };
}

export function initI18n(language: Language = 'ko') {
  if (!i18next.isInitialized) {
    void i18next.init({
      resources: buildResources(),
      lng: language,
      fallbackLng: 'ko',
      defaultNS: 'common',
      ns: Object.keys(NAMESPACES),
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
      initImmediate: false,
      // i18next prints a sponsorship notice to the console on first init (tablets and test logs): off.
      showSupportNotice: false,
    });
    rememberTranslations(i18next);
  } else if (i18next.language !== language) {
    void i18next.changeLanguage(language);
  }
  return i18next;
}

export { i18next };
