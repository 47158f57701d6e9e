// Wraps the main area: shows the lock screen instead of the app while locked, keeps unsaved input as a draft
// of the signed-in tutor when it locks, and brings it back into the same route for that tutor only.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from '../../i18n/use-translation';
import { getDb } from '../../db/database';
import { deleteDraft, latestDraft, saveDraft } from '../../db/repos/drafts';
import { lockIfStale, lockTablet, touchActivity, useLockState } from '../../db/repos/tablet-lock';
import type { DraftRow } from '../../db/database';
import { restoreWhenReady, TouchTracker } from './draft-guard';
import { LockScreen } from './lock-screen';
import { useAutoLock } from './use-auto-lock';
import { whenIdle } from '../../ui/when-idle';

/** Fired by the tutor chip ("lock / switch"); the gate keeps drafts, then locks. */
export const LOCK_EVENT = 'dangol:lock';

export function requestLock() {
  window.dispatchEvent(new Event(LOCK_EVENT));
}

export function LockGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation('tutors');
  const state = useLockState();
  const location = useLocation();
  const navigate = useNavigate();
  const areaRef = useRef<HTMLDivElement | null>(null);
  const tracker = useRef<TouchTracker | null>(null);
  const [restoring, setRestoring] = useState<DraftRow | null>(null);
  const [restored, setRestored] = useState(false);
  const formKey = location.pathname + location.search;
  const tutorId = state?.tutor?.id ?? null;
  const unlocked = state !== undefined && !state.locked;

  useEffect(() => {
    void lockIfStale(getDb());
  }, []);

  const setArea = useCallback((el: HTMLDivElement | null) => {
    tracker.current?.dispose();
    areaRef.current = el;
    tracker.current = el ? new TouchTracker(el) : null;
  }, []);

  const keepDraft = useCallback(async () => {
    if (!tutorId || !tracker.current) return;
    await saveDraft(getDb(), tutorId, formKey, tracker.current.snapshot());
  }, [tutorId, formKey]);

  const lock = useCallback(async () => {
    await keepDraft();
    await lockTablet(getDb());
  }, [keepDraft]);

  useEffect(() => {
    const onLock = () => void lock();
    window.addEventListener(LOCK_EVENT, onLock);
    return () => window.removeEventListener(LOCK_EVENT, onLock);
  }, [lock]);

  useAutoLock({
    enabled: unlocked && state.tutors.length > 0,
    minutes: state?.autoLockMinutes ?? 5,
    lock: () => void lock(),
    onActivity: () => {
      // Written with the touch's time once the tutor has not tapped for a second (at the latest 30 s later): the
      // write (an IndexedDB transaction and the live queries it wakes) ran inside the first tab tap after start
      // (bench 4b), and with a 2 s timeout inside the stall openings right after it (4c).
      const now = Date.now();
      whenIdle(() => void touchActivity(getDb(), now), { quiet: 1000, timeout: 30_000 });
    },
    // Kept as soon as the app goes to the background, in case the tablet drops the page meanwhile.
    onHidden: () => void keepDraft(),
  });

  useEffect(() => {
    if (!restoring || !unlocked) return;
    let live = true;
    void restoreWhenReady(() => areaRef.current, restoring.fields).then(async (ok) => {
      if (!live) return;
      if (ok) await deleteDraft(getDb(), restoring.tutorId, restoring.formKey);
      setRestoring(null);
      setRestored(ok);
    });
    return () => {
      live = false;
    };
  }, [restoring, unlocked]);

  async function onSignedIn(id: string) {
    setRestored(false);
    const draft = await latestDraft(getDb(), id);
    if (!draft) return;
    if (draft.formKey !== formKey) await navigate(draft.formKey);
    setRestoring(draft);
  }

  if (!state) return null;
  if (state.locked) return <LockScreen tutors={state.tutors} onSignedIn={(id) => void onSignedIn(id)} />;
  return (
    <div ref={setArea} className="draft-area">
      {restored ? (
        <p className="notice notice-info" role="status">
          {t('draftRestored')}
        </p>
      ) : null}
      {children}
    </div>
  );
}
