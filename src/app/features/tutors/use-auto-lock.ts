// Locks the shared tablet after idle time (market.autoLockMinutes) and after the app spent a while in the
// background. Any touch, key or typing counts as activity. `lock` is called with the reason.
import { useEffect, useRef } from 'react';

/** Away from the app this long (seconds) locks it on return, whatever the idle setting. */
export const BACKGROUND_LOCK_SECONDS = 60;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'touchstart', 'wheel'] as const;

export function useAutoLock(opts: {
  enabled: boolean;
  minutes: number;
  lock: (reason: 'idle' | 'background') => void;
  onActivity?: () => void;
  onHidden?: () => void;
}) {
  const latest = useRef(opts);
  latest.current = opts;
  const { enabled, minutes } = opts;

  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let hiddenAt: number | null = null;
    let lastReport = 0;
    const arm = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => latest.current.lock('idle'), minutes * 60_000);
    };
    const onActivity = () => {
      arm();
      const now = Date.now();
      if (now - lastReport > 30_000) {
        lastReport = now;
        latest.current.onActivity?.();
      }
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        hiddenAt = Date.now();
        latest.current.onHidden?.();
      } else if (hiddenAt !== null) {
        const away = Date.now() - hiddenAt;
        hiddenAt = null;
        if (away >= Math.min(BACKGROUND_LOCK_SECONDS * 1000, minutes * 60_000)) latest.current.lock('background');
        else arm();
      }
    };
    arm();
    for (const ev of ACTIVITY_EVENTS) document.addEventListener(ev, onActivity, true);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      for (const ev of ACTIVITY_EVENTS) document.removeEventListener(ev, onActivity, true);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [enabled, minutes]);
}
