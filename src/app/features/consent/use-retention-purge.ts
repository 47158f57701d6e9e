// Retention: personal fields whose consent expired (or was withdrawn) are erased on app start and daily.
import { useEffect } from 'react';
import { getDb } from '../../db/database';
import { purgeExpiredPersonalData } from '../../db/repos/consents';
import { whenIdle } from '../../ui/when-idle';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The start's purge waits until the first screen has painted (it reads every consent; bench 4a cold start). */
const AFTER_START_MS = 1500;

export function useRetentionPurge(): void {
  useEffect(() => {
    const run = () => void purgeExpiredPersonalData(getDb()).catch(() => undefined);
    // Then when the browser is idle: at 1.5 s it landed inside the first tab tap (≈ 8 ms of script at CPU 4x
    // before its reads, bench 4b).
    const cancelFirst = whenIdle(run, { after: AFTER_START_MS, timeout: 5000 });
    const timer = setInterval(run, DAY_MS);
    return () => {
      cancelFirst();
      clearInterval(timer);
    };
  }, []);
}

/** Mount once in the shell; renders nothing. */
export function RetentionPurge() {
  useRetentionPurge();
  return null;
}
