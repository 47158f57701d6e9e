// Retention: personal fields whose consent expired (or was withdrawn) are erased on app start and daily.
import { useEffect } from 'react';
import { getDb } from '../../db/database';
import { purgeExpiredPersonalData } from '../../db/repos/consents';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The start's purge waits until the first screen has painted (it reads every consent; bench 4a cold start). */
const AFTER_START_MS = 1500;

export function useRetentionPurge(): void {
  useEffect(() => {
    const run = () => void purgeExpiredPersonalData(getDb()).catch(() => undefined);
    const first = setTimeout(run, AFTER_START_MS);
    const timer = setInterval(run, DAY_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
}

/** Mount once in the shell; renders nothing. */
export function RetentionPurge() {
  useRetentionPurge();
  return null;
}
