// The app's `useTranslation`: i18next's `t` for a namespace, fixed to the current language, with the instance —
// the `{ t, i18n }` that react-i18next's hook of the same name gave. A component re-renders when the language
// changes, and only then.
//
// Why not react-i18next's hook: each mount ran an effect that subscribed to the instance and set its state again
// (`setT`), and each render asked i18next for a new fixed `t` and threw it away. The 점포 screen's own mount
// effect came back as a re-render of the whole screen — list and detail — right after the first stall opening
// had painted, ≈ 8–10 ms at CPU 4x in the frame that ends bench 4c's measure (CDP traces, performance marks).
// Here a component only reads the language (one store for the app, `useSyncExternalStore`) and a `t` kept per
// language and namespace.
import { useSyncExternalStore } from 'react';
import type { i18n as I18n, TFunction } from 'i18next';
import { i18next } from './index';

export interface Translation {
  t: TFunction;
  i18n: I18n;
}

const subscribe = (listener: () => void): (() => void) => {
  i18next.on('languageChanged', listener);
  return () => i18next.off('languageChanged', listener);
};

const currentLanguage = (): string => i18next.language;

/** One `t` per language and namespace: the same function for every render and component until the language changes. */
const fixed = new Map<string, TFunction>();

/** `t` for `ns` (default: the instance's default namespace, `common`) in the current language. */
export function useTranslation(ns?: string): Translation {
  const language = useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
  const key = `${language}\u0000${ns ?? ''}`;
  let t = fixed.get(key);
  if (!t) {
    t = i18next.getFixedT(language, ns ?? null) as TFunction;
    fixed.set(key, t);
  }
  return { t, i18n: i18next };
}
