// The stall detail's data in one read: the stall, its consents, checklist, visits, newest notes and the tutors'
// names together, handed down to the panels as props. Profile of an opening before (CDP, CPU 4x): one live query
// per panel (stall, consent, checklist, visits, notes, three tutor-name maps), each answer its own React commit
// with its own style/layout/paint, 4-6 in a row before the notes showed (bench 4c: 145 ms median, 98-266 ms).
//
// The first read (one read-only transaction) starts when the detail first renders, or already when a stall row is
// tapped (`preloadStallDetail`), and the detail suspends on it: inside the router's transition the old screen
// stays until everything is read, then one commit shows the whole detail. After the first paint, one live query
// per part keeps it current (a saved note re-reads the notes only, as fast as before); `keepSame` gives back the
// same objects when nothing changed, so an unchanged part re-renders nothing.
import { use, useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { liveQuery, type Subscription } from 'dexie';
import { getDb, type DangolDb } from '../../db/database';
import { NOTES_PAGE } from '../../db/repos/notes';
import {
  loadStallDetail,
  readStallDetailPart,
  STALL_DETAIL_PARTS as PARTS,
  type StallDetailData,
  type StallDetailPart as Part,
} from '../../db/repos/stall-detail';
import { whenIdle } from '../../ui/when-idle';
import { keepSame } from './keep-same';

export type { StallDetailData } from '../../db/repos/stall-detail';

/**
 * A promise marked fulfilled the way React's `use` reads it, so a detail rendered after the read is done (a tap's
 * preload, a later re-render) does not suspend for a microtask first.
 */
type Tracked = Promise<void> & { status?: 'fulfilled'; value?: undefined };

interface Entry {
  db: DangolDb;
  stallId: string;
  limit: number;
  data: StallDetailData | undefined;
  error: unknown;
  /** The first read (not live): what the detail suspends on. */
  first: Tracked;
  listeners: Set<() => void>;
  live: Map<Part, Subscription>;
  /** A scheduled start of the live queries (cancelled if the detail unmounts first). */
  starting: (() => void) | null;
}

// One entry per open stall. It is created before the detail commits (the read must outlive a suspended render),
// kept while the detail is mounted and dropped when it unmounts, so data is never served stale from here.
const entries = new Map<string, Entry>();

/** An entry nobody subscribed to (a tap whose navigation never committed) is forgotten after this long. */
const UNUSED_MS = 5000;

function entryFor(db: DangolDb, stallId: string, limit: number): Entry {
  const found = entries.get(stallId);
  if (found && found.db === db) return found;
  const e: Entry = {
    db,
    stallId,
    limit,
    data: undefined,
    error: undefined,
    first: Promise.resolve() as Tracked,
    listeners: new Set(),
    live: new Map(),
    starting: null,
  };
  const first: Tracked = loadStallDetail(db, stallId, limit).then(
    (d) => {
      e.data ??= d;
      first.status = 'fulfilled';
    },
    (err: unknown) => {
      e.error = err;
      first.status = 'fulfilled';
    },
  );
  e.first = first;
  entries.set(stallId, e);
  void first.then(() =>
    setTimeout(() => {
      if (e.listeners.size === 0 && entries.get(stallId) === e) entries.delete(stallId);
    }, UNUSED_MS),
  );
  return e;
}

function watch<P extends Part>(e: Entry, part: P) {
  e.live.get(part)?.unsubscribe();
  const { db, stallId, limit } = e;
  const sub = liveQuery(async () => readStallDetailPart(db, part, stallId, limit)).subscribe({
    next: (value) => {
      if (!e.data) return;
      const kept = keepSame(e.data[part], value);
      if (kept === e.data[part] && e.error === undefined) return;
      e.data = { ...e.data, [part]: kept };
      e.error = undefined;
      for (const l of e.listeners) l();
    },
    error: (err: unknown) => {
      e.error = err;
      for (const l of e.listeners) l();
    },
  });
  e.live.set(part, sub);
}

function subscribe(e: Entry, listener: () => void): () => void {
  e.listeners.add(listener);
  if (!entries.has(e.stallId)) entries.set(e.stallId, e);
  if (e.live.size === 0 && !e.starting) {
    // When the browser is next idle (at most 300 ms later): starting six live queries (six transactions, ≈ 20 ms
    // at CPU 4x) right after the commit delayed the detail's first frame. What changes meanwhile, their first
    // read shows.
    e.starting = whenIdle(
      () => {
        e.starting = null;
        for (const part of PARTS) watch(e, part);
      },
      { timeout: 300 },
    );
  }
  return () => {
    e.listeners.delete(listener);
    if (e.listeners.size > 0) return;
    e.starting?.();
    e.starting = null;
    for (const sub of e.live.values()) sub.unsubscribe();
    e.live.clear();
    if (entries.get(e.stallId) === e) entries.delete(e.stallId);
  };
}

/**
 * Start reading a stall's detail now (on a tap, before the router has rendered the new screen); resolves when it
 * is read (never rejects: a failed read is thrown by the detail when it renders).
 */
export function preloadStallDetail(stallId: string): Promise<void> {
  return entryFor(getDb(), stallId, NOTES_PAGE).first;
}

/**
 * The stall's detail, live. Suspends until the first read is done (put a Suspense boundary above the detail,
 * outside the component keyed by stall). A change of `notesLimit` keeps showing the current notes until the
 * longer page is read.
 */
export function useStallDetail(stallId: string, notesLimit: number): StallDetailData {
  const db = getDb();
  // notesLimit is only the first read's: the entry is per stall, later limits go through the effect below.
  const entry = useMemo(() => entryFor(db, stallId, notesLimit), [db, stallId, notesLimit]);
  useEffect(() => {
    if (entry.limit === notesLimit) return;
    entry.limit = notesLimit;
    if (entry.live.has('notes')) watch(entry, 'notes');
  }, [entry, notesLimit]);
  // Only while the first read is pending (`use` may be called conditionally). Once it is read, `use` would add
  // nothing, and under a test's act() it marks the render as waiting on a promise, so a render that yields its
  // time slice there was dropped from act's queue and the screen never updated again (slow machines only).
  if (entry.first.status !== 'fulfilled') use(entry.first as Promise<void>);
  const sub = useCallback((listener: () => void) => subscribe(entry, listener), [entry]);
  const data = useSyncExternalStore(sub, () => entry.data);
  if (entry.error !== undefined) throw entry.error;
  return data as StallDetailData;
}
