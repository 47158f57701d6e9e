// Live queries closed later: a Dexie liveQuery for dexie-react-hooks' `useObservable`, except that a query's end
// (its screen unmounted) only stops its answers at once and closes it with Dexie in the next task. For the screens
// a tab tap leaves (the kept answers, db/kept-answers.ts: Today's visits, the tutors' names, the market): React runs
// a tap's effects inside the tap's own task, and Dexie's unsubscribe of Today's queries (an AbortController's abort,
// which builds an AbortError, and the change listener removed) was ≈ 4 ms of the first 점포 tab tap's task at CPU 4x
// (CDP profiles; bench 4b). With this (and the list's rows no longer filtered for nothing, repos/stalls.ts
// `filterRows`) that task took 13–36 ms instead of 26–65 (median 34 → 20; 12 alternating cold starts), and the tap
// to its painted frame 54 → 38 ms median in a three-way A/B where the rows' change alone gave 55.
// Not for every live query: with all of the app's hooks and the stall detail's parts closed later as well, the first
// stall opening after a cold start was 10–15 ms slower (probes of 16 cold starts: 65 against 48–50 ms median; bench
// 4c, three full runs over 100 ms in thirty) — cause not found; with the kept answers only, 48.
import type { Observable } from 'dexie';
import type { InteropableObservable } from 'dexie-react-hooks';

/** An observable whose subscriptions end with the function `subscribe` returns. */
export interface ClosedLater<T> extends InteropableObservable<T> {
  subscribe(next: (value: T) => unknown, error?: (err: unknown) => unknown): () => void;
}

/**
 * `query`, with each subscription's end split in two: no answer or error is delivered once it has ended, and the
 * Dexie subscription is closed in the next task. Until then a change may still start a read whose answer goes
 * nowhere.
 */
export function closedLater<T>(query: Observable<T>): ClosedLater<T> {
  return {
    // useObservable takes a current value from these (a Dexie live query has none before its first answer).
    hasValue: () => query.hasValue?.() ?? false,
    getValue: () => query.getValue?.() as T,
    subscribe(next, error) {
      let open = true;
      const sub = query.subscribe(
        (value) => open && next(value),
        (err: unknown) => open && error?.(err),
      );
      return () => {
        open = false;
        setTimeout(() => sub.unsubscribe(), 0);
      };
    },
  };
}
