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
import Dexie, { liveQuery, type Subscription } from 'dexie';
import { changedTables } from '../../db/changed-tables';
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
  /** One of the detail's tables changed since the first read began (`dropOnChange`). */
  changed: boolean;
}

// One entry per open stall, and per stall read ahead of a tap (`readAhead`: the rows on screen). An open stall's is
// created before the detail commits (the read must outlive a suspended render), kept current by its live queries
// while the detail is mounted and dropped when it unmounts. One nobody watches is dropped as soon as any of the
// detail's tables changes (`dropOnChange`), so data is never served stale from here.
const entries = new Map<string, Entry>();

/** An entry nobody subscribed to (a tap whose navigation never committed) is forgotten after this long. */
const UNUSED_MS = 5000;

/** The stalls whose detail is kept read ahead of a tap (the list's rows on screen), in the list's order. */
let wanted: { db: DangolDb; ids: Set<string>; once: boolean } | null = null;

const isWanted = (e: Entry) => wanted !== null && wanted.db === e.db && wanted.ids.has(e.stallId);

/** Forget `e` after UNUSED_MS unless someone watches it or wants it read ahead by then. */
function forgetUnused(e: Entry): void {
  setTimeout(() => {
    if (e.listeners.size === 0 && !isWanted(e) && entries.get(e.stallId) === e) entries.delete(e.stallId);
  }, UNUSED_MS);
}

function entryFor(db: DangolDb, stallId: string, limit: number): Entry {
  dropOnChange();
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
    changed: false,
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
  void first.then(() => forgetUnused(e));
  return e;
}

/** The detail's tables: a change to any of them drops every entry nobody watches. */
const DETAIL_TABLES = new Set(['stalls', 'consents', 'steps', 'visits', 'notes', 'tutors']);
let dropping = false;

/**
 * Entries nobody watches (read ahead, or read on a tap whose detail has not rendered yet) are dropped on any change
 * to the detail's tables, here or in another tab (Dexie's `storagemutated`, after the change has committed): a read
 * that started before the change may not see it, one that starts after it does. A dropped read ahead is read again
 * AFTER_CHANGE_MS later, when the browser is idle.
 */
function dropOnChange(): void {
  if (dropping) return;
  dropping = true;
  Dexie.on('storagemutated', (parts: Record<string, unknown>) => {
    const changed = new Set<string>();
    for (const { db, table } of changedTables(parts)) if (DETAIL_TABLES.has(table)) changed.add(db);
    if (changed.size === 0) return;
    let again = false;
    for (const [id, e] of entries) {
      if (!changed.has(e.db.name)) continue;
      e.changed = true;
      if (e.listeners.size > 0) continue;
      entries.delete(id);
      again ||= isWanted(e);
    }
    if (again && wanted?.once) wanted = null;
    else if (again) scheduleAhead(AFTER_CHANGE_MS);
  });
}

/** After a change, read ahead again only this much later: a sync applying many batches drops them on each. */
const AFTER_CHANGE_MS = 500;
let aheadScheduled: (() => void) | null = null;

/** Read ahead at the latest this long after it is due, idle or not: a page busy with frames has few idle periods. */
const AHEAD_LATEST_MS = 50;

/**
 * Read every wanted stall that has no entry, when the browser is next idle (each its own read-only transaction,
 * all at once: one after the other, at one per idle period, they were often not done by the next tap).
 */
function scheduleAhead(after = 0): void {
  if (aheadScheduled || !wanted) return;
  aheadScheduled = whenIdle(
    () => {
      aheadScheduled = null;
      if (!wanted) return;
      const { db, ids } = wanted;
      for (const id of ids) {
        if (entries.get(id)?.db === db) continue;
        const e = entryFor(db, id, NOTES_PAGE);
        // A failed read ahead is not kept: a tap reads again (and shows the error if it fails again).
        void e.first.then(() => {
          if (e.error !== undefined && e.listeners.size === 0 && entries.get(id) === e) entries.delete(id);
        });
      }
    },
    { after, timeout: AHEAD_LATEST_MS },
  );
}

/**
 * Keep these stalls' details read, ahead of a tap (the list calls it with the rows it shows): opening one of them
 * then renders at once, in the tap's own task, without waiting for IndexedDB (bench 4c). Read when the browser is
 * next idle (at the latest 50 ms later), kept until one of the detail's tables changes (then read again) or the row
 * leaves the screen (then forgotten like any unused entry). The last call wins; the function it returns stops it,
 * unless a later call has replaced it already (the 점포 warm-up's list unmounting while the real one shows). With
 * `once` (the warm-up, before the list is shown), a change drops them and they are not read again.
 */
export function readAhead(stallIds: readonly string[], { db = getDb(), once = false } = {}): () => void {
  const mine = stallIds.length > 0 ? { db, ids: new Set(stallIds), once } : null;
  setWanted(mine);
  return () => {
    if (mine && wanted === mine) setWanted(null);
  };
}

function setWanted(next: typeof wanted): void {
  const before = wanted;
  wanted = next;
  if (before) {
    for (const id of before.ids) {
      const e = entries.get(id);
      if (e && e.db === before.db && !isWanted(e)) forgetUnused(e);
    }
  }
  scheduleAhead();
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
    // Kept for the next tap while its row is on screen if nothing changed since it was read (then it still holds
    // what its first read did); otherwise its live queries may not have read a change yet: read again instead.
    const keep = isWanted(e) && !e.changed && e.limit === NOTES_PAGE && e.error === undefined;
    if (keep) return;
    if (entries.get(e.stallId) === e) entries.delete(e.stallId);
    if (isWanted(e)) scheduleAhead();
  };
}

/** Whether the stall's detail is read and waiting for a tap (read ahead, nobody shows it yet). */
export function isReadAhead(stallId: string, db: DangolDb = getDb()): boolean {
  const e = entries.get(stallId);
  return e !== undefined && e.db === db && e.first.status === 'fulfilled' && e.listeners.size === 0;
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
