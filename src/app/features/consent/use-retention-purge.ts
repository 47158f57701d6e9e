// Retention: personal fields whose consent expired (or was withdrawn) are erased on app start and daily.
import { useEffect } from 'react';
import { getDb } from '../../db/database';
import { purgeExpiredPersonalData } from '../../db/repos/consents';
import { whenIdle } from '../../ui/when-idle';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The start's purge waits until the first screen has painted (it reads every consent; bench 4a cold start). */
const AFTER_START_MS = 1500;
const QUIET_MS = 1000;
/** Erased on start means within half a minute of it, busy tutor or not. */
const LATEST_MS = 30_000;

export function useRetentionPurge(): void {
  useEffect(() => {
    const run = () => void purgeExpiredPersonalData(getDb()).catch(() => undefined);
    // Then once the tutor has not tapped for a second, in a long idle period, and at the latest 30 s later. It
    // reads every consent (1,000 at ten times a market): with a 5 s timeout that read's answer landed inside stall
    // openings (CDP profile at CPU 4x: ≈ 50 ms of script and garbage collection in an opening of 177 ms, 50–80
    // without it), and at 1.5 s without one its script landed in the first tab tap (bench 4b).
    const cancelFirst = whenIdle(run, { after: AFTER_START_MS, quiet: QUIET_MS, timeout: LATEST_MS });
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
