// Stalls and their merchant and channel facts: the only code touching the stalls table. Also answers the
// stall list's filters from indexes (visited stalls, checklist counts) so typing in the search box only
// filters rows already in memory: no table is scanned per keystroke.
import { blankStall, type StallFields } from '../../../domain/blank-records';
import Dexie, { RangeSet, rangesOverlap, type ObservabilitySet } from 'dexie';
import { timeOrderedUuid, type Stall } from '../../../domain';
import { changedTables } from '../changed-tables';
import type { DangolDb, Local } from '../database';
import { mutate } from '../mutate';
import { stepCounts, type StepCounts } from './steps';
import { assertPersonalDataAllowed } from './consents';

export type { StallFields } from '../../../domain/blank-records';

export function emptyStall(): StallFields {
  return blankStall();
}

/** The market's stalls that are not deleted, by name. */
export async function listStalls(db: DangolDb, marketId: string): Promise<Stall[]> {
  const rows = await db.stalls
    .where('[marketId+name]')
    .between([marketId, Dexie.minKey], [marketId, Dexie.maxKey])
    .toArray();
  return rows.filter((r) => !r.deleted).map(({ _clocks: _c, ...s }) => s as Stall);
}

export async function getStall(db: DangolDb, id: string): Promise<Stall | undefined> {
  return stallFromRow(await db.stalls.get(id));
}

/** A stored stall row as getStall answers it (deleted ones too). */
export function stallFromRow(row: Local<'stall'> | undefined): Stall | undefined {
  if (!row) return undefined;
  const { _clocks: _c, ...s } = row;
  return s as Stall;
}

/** A new stall; resolves to its id. Throws ValidationError (nothing written) on bad input. */
export async function createStall(db: DangolDb, fields: StallFields, tutorId: string | null): Promise<string> {
  const id = `st-${timeOrderedUuid()}`;
  // A new stall has no consent yet: its merchant's name and phone wait for one (issue 4).
  await assertPersonalDataAllowed(db, id, fields);
  await mutate(db, { entity: 'stall', id, fields: { ...fields, deleted: false }, tutorId });
  return id;
}

/** Change only the given fields, so a tutor's edit never overwrites fields another tutor changed meanwhile. */
export async function updateStall(
  db: DangolDb,
  id: string,
  changed: Partial<StallFields>,
  tutorId: string | null,
): Promise<void> {
  if (Object.keys(changed).length === 0) return;
  await assertPersonalDataAllowed(db, id, changed);
  await mutate(db, { entity: 'stall', id, fields: changed, tutorId });
}

/**
 * Stalls with at least one visit marked done, from a unique-keys query on the visits' [status+stallId] index:
 * the cursor steps once per stall, not per visit (~4 ms for 20,000 visits in Chromium).
 */
export async function visitedStallIds(db: DangolDb): Promise<Set<string>> {
  const keys = await db.visits
    .where('[status+stallId]')
    .between(['done', Dexie.minKey], ['done', Dexie.maxKey])
    .uniqueKeys();
  return new Set(keys.map((k) => String((k as unknown as [string, string])[1])));
}

/** One row of the stall list: the stall, its search text and what the filters need. */
export interface StallRow {
  stall: Stall;
  haystack: string;
  complete: number;
  blocked: boolean;
  /** Only meaningful once the visited stalls are read (`StallListData.visited`; read when the filter needs it). */
  visited: boolean;
  /** False while the checklist counts are still being read (progress not shown yet). */
  counted: boolean;
}

export type ProgressFilter = 'all' | 'not_started' | 'in_progress' | 'completed';

export interface StallFilters {
  notVisited: boolean;
  progress: ProgressFilter;
  opened: boolean;
  blocked: boolean;
}

export const NO_FILTERS: StallFilters = { notVisited: false, progress: 'all', opened: false, blocked: false };

function norm(s: string): string {
  return s.normalize('NFC').toLowerCase();
}

// A stall's search text, kept per stall object: when only the badges change (a step ticked), the rows are
// rebuilt without normalizing 1,000 texts again.
const haystacks = new WeakMap<Stall, string>();

function haystackOf(stall: Stall): string {
  let text = haystacks.get(stall);
  if (text === undefined) {
    text = norm(
      [
        stall.name,
        stall.merchantName,
        stall.category,
        stall.building,
        stall.floor,
        stall.floor ? `${stall.floor}층` : '',
        stall.row,
        stall.number,
        stall.number ? `${stall.number}호` : '',
        stall.landmark,
        stall.channelName,
      ].join('\n'),
    );
    haystacks.set(stall, text);
  }
  return text;
}

/** Rows for the list; while the step counts are still loading, `counted` is false. */
export function buildRows(
  stalls: readonly Stall[],
  counts: StepCounts | undefined,
  visited: ReadonlySet<string> | undefined,
): StallRow[] {
  return stalls.map((stall) => ({
    stall,
    haystack: haystackOf(stall),
    complete: counts?.complete.get(stall.id) ?? 0,
    blocked: counts?.blocked.has(stall.id) ?? false,
    visited: visited?.has(stall.id) ?? false,
    counted: counts !== undefined,
  }));
}

/** No filter narrows the list. */
function noFilters(f: StallFilters): boolean {
  return !f.notVisited && !f.opened && !f.blocked && f.progress === 'all';
}

/**
 * Every word of the query must appear in the stall's name, merchant, category or location. With no words and no
 * filter the rows themselves: the list's first render on a 점포 tab tap checked 1,000 rows for nothing and made a new
 * array of them (≈ 1 ms at CPU 4x in CDP profiles; bench 4b. A/Bs of this change alone: the tap's task 40 → 24 ms
 * median in one, the whole tap 54 → 55 in another — within the machine's noise).
 */
export function filterRows(
  rows: readonly StallRow[],
  query: string,
  filters: StallFilters,
  total: number,
): readonly StallRow[] {
  const terms = norm(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0 && noFilters(filters)) return rows;
  return rows.filter((r) => {
    if (filters.notVisited && r.visited) return false;
    if (filters.opened && !r.stall.channelOpened) return false;
    if (filters.blocked && !r.blocked) return false;
    const started = r.complete > 0 || r.blocked;
    if (filters.progress === 'not_started' && started) return false;
    if (filters.progress === 'in_progress' && (!started || r.complete >= total)) return false;
    if (filters.progress === 'completed' && r.complete < total) return false;
    return terms.every((t) => r.haystack.includes(t));
  });
}

/** Everything the stall list needs, in one live-query run. */
export async function loadStallRows(db: DangolDb, marketId: string): Promise<StallRow[]> {
  const [stalls, counts, visited] = await Promise.all([listStalls(db, marketId), stepCounts(db), visitedStallIds(db)]);
  return buildRows(stalls, counts, visited);
}

/** What the stall list shows, as far as loaded: the first screen of stalls comes first, then all of them. */
export interface StallListData {
  stalls: Stall[] | undefined;
  /** True once `stalls` holds every stall (not only the first screen). */
  complete: boolean;
  counts: StepCounts | undefined;
  /** Stalls with a visit done: undefined until the "not visited" filter first asks for them (`needVisitedStalls`). */
  visited: ReadonlySet<string> | undefined;
  /**
   * The list's rows, built here (when the store is warmed while the browser is idle) rather than by the list
   * when it mounts: 1,000 rows on the 점포 tab tap took ≈ 10 ms at CPU 4x (bench 4b). undefined with `stalls`.
   */
  rows: StallRow[] | undefined;
}

/** Rows read first, so a tab tap paints a screen of stalls before the whole market is read. */
export const FIRST_SCREEN = 12;

type Part = 'stalls' | 'counts' | 'visited';
const TABLE_PART: Record<string, Part> = { stalls: 'stalls', steps: 'counts', visits: 'visited' };

interface ListStore {
  data: StallListData;
  listeners: Set<() => void>;
  dirty: Set<Part>;
  running: boolean;
  /** Whether the visited stalls are read and kept current (only once the "not visited" filter was used). */
  visitedWanted: boolean;
}

// One store per database and market, kept while the app runs. Its reads happen outside liveQuery on purpose:
// a liveQuery records every primary key it reads (1,000 stalls + ~7,500 step keys) in range sets, which cost
// ~250 ms per run at CPU 4x; here only the part whose table changed is read again (bench 4b).
const stores = new WeakMap<DangolDb, Map<string, ListStore>>();

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

function publish(store: ListStore, patch: Partial<StallListData>): void {
  const d = { ...store.data, ...patch };
  d.rows = d.stalls ? buildRows(d.stalls, d.counts, d.visited) : undefined;
  store.data = d;
  for (const l of store.listeners) l();
}

/**
 * The first screen of stalls by name (not deleted). Read plainly (one getAll request): a filtered read steps a
 * cursor, one IndexedDB round trip and one task per row (twelve in a row, right after start, beside the 점포
 * warm-up); filtered only when some of the plain read's rows are deleted.
 */
async function readHead(db: DangolDb, marketId: string): Promise<Stall[]> {
  const byName = () => db.stalls.where('[marketId+name]').between([marketId, Dexie.minKey], [marketId, Dexie.maxKey]);
  const plain = await byName().limit(FIRST_SCREEN).toArray();
  const head = plain.some((r) => r.deleted)
    ? await byName()
        .filter((r) => !r.deleted)
        .limit(FIRST_SCREEN)
        .toArray()
    : plain;
  return head.map(({ _clocks: _c, ...s }) => s as Stall);
}

async function refresh(db: DangolDb, marketId: string, store: ListStore) {
  if (store.running) return;
  store.running = true;
  try {
    while (store.dirty.size > 0) {
      if (store.dirty.has('stalls')) {
        store.dirty.delete('stalls');
        if (!store.data.stalls) {
          publish(store, { stalls: await readHead(db, marketId), complete: false });
          await nextTask();
        }
        publish(store, { stalls: await listStalls(db, marketId), complete: true });
      } else if (store.dirty.has('counts')) {
        store.dirty.delete('counts');
        publish(store, { counts: await stepCounts(db) });
      } else if (store.dirty.has('visited')) {
        store.dirty.delete('visited');
        publish(store, { visited: await visitedStallIds(db) });
      }
      await nextTask();
    }
  } finally {
    store.running = false;
  }
}

function storeOf(db: DangolDb, marketId: string): ListStore {
  let byMarket = stores.get(db);
  if (!byMarket) stores.set(db, (byMarket = new Map()));
  let store = byMarket.get(marketId);
  if (!store) {
    const s: ListStore = {
      data: { stalls: undefined, complete: false, counts: undefined, visited: undefined, rows: undefined },
      listeners: new Set(),
      // Not the visited stalls: only the "not visited" filter uses them, and reading them steps an IndexedDB cursor
      // once per stall (1,000 round trips, ≈ 0.9 s after start at CPU 4x), which ran under the first tap on 점포
      // and the first stall openings (bench 4b, 4c). The filter asks for them (`needVisitedStalls`).
      dirty: new Set<Part>(['stalls', 'counts']),
      running: false,
      visitedWanted: false,
    };
    // Only a change to the stalls, steps or visits tables marks the matching part stale.
    const onChange = (parts: Record<string, unknown>) => {
      const before = s.dirty.size;
      for (const { db: dbName, table } of changedTables(parts)) {
        const part = dbName === db.name ? TABLE_PART[table] : undefined;
        if (part && (part !== 'visited' || s.visitedWanted)) s.dirty.add(part);
      }
      if (s.dirty.size > before && s.listeners.size > 0) void refresh(db, marketId, s);
    };
    Dexie.on('storagemutated', onChange);
    byMarket.set(marketId, (store = s));
  }
  return store;
}

// The tablet's market as last read from meta, re-read on every change of the meta table: the 점포 tab's first
// render knows which list to show without waiting for its own session read (one IndexedDB round trip and one
// React commit more on the tab tap, bench 4b).
const markets = new WeakMap<DangolDb, { id: string | null | undefined }>();

function trackMarket(db: DangolDb, assumed?: string): void {
  if (markets.has(db)) return;
  const known: { id: string | null | undefined } = { id: assumed };
  markets.set(db, known);
  let reads = 0;
  const read = () => {
    const n = ++reads;
    void db.meta.get('marketId').then(
      (row) => {
        if (n === reads) known.id = typeof row?.value === 'string' ? row.value : null;
      },
      () => {
        if (n === reads) known.id = undefined;
      },
    );
  };
  const part = `idb://${db.name}/meta/`;
  const key = new RangeSet('marketId');
  Dexie.on('storagemutated', (parts: ObservabilitySet) => {
    const changed = parts[part];
    if (changed && rangesOverlap(changed, key)) {
      known.id = undefined;
      read();
    }
  });
  read();
}

/** The market the tablet is set to as far as known here; undefined when not known (yet). */
export function knownMarketId(db: DangolDb): string | null | undefined {
  return markets.get(db)?.id;
}

/** Subscribe to the stall list's data; loads (or reloads what changed) while someone listens. */
export function watchStallList(db: DangolDb, marketId: string, listener: () => void): () => void {
  trackMarket(db);
  const store = storeOf(db, marketId);
  store.listeners.add(listener);
  void refresh(db, marketId, store);
  return () => store.listeners.delete(listener);
}

export function stallListData(db: DangolDb, marketId: string): StallListData {
  return storeOf(db, marketId).data;
}

/** Read the visited stalls (for the "not visited" filter) and keep them current from now on. */
export function needVisitedStalls(db: DangolDb, marketId: string): void {
  const store = storeOf(db, marketId);
  if (store.visitedWanted) return;
  store.visitedWanted = true;
  store.dirty.add('visited');
  void refresh(db, marketId, store);
}

/** Start reading the stall list ahead of the first visit to the 점포 tab (e.g. when the browser is idle). */
export function warmStallList(db: DangolDb, marketId: string): Promise<void> {
  trackMarket(db, marketId);
  return refresh(db, marketId, storeOf(db, marketId));
}
