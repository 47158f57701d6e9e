// The browser events that start a sync (SYNC.md 7): the connection returns ('online'), the app comes back
// to the foreground ('visibilitychange' to visible). No reliance on Background Sync.
import type { Timers, Triggers } from './types';

export function browserTriggers(): Triggers {
  const hasWindow = typeof window !== 'undefined';
  return {
    isOnline: () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false),
    subscribe(cb) {
      if (!hasWindow) return () => {};
      const online = () => cb('online');
      const offline = () => cb('offline');
      const visible = () => {
        if (document.visibilityState === 'visible') cb('visible');
      };
      window.addEventListener('online', online);
      window.addEventListener('offline', offline);
      document.addEventListener('visibilitychange', visible);
      return () => {
        window.removeEventListener('online', online);
        window.removeEventListener('offline', offline);
        document.removeEventListener('visibilitychange', visible);
      };
    },
  };
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};
