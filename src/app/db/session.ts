// What the tablet is set to right now (market, tutor, language, demo, enrollment), read live from meta.
import { useSyncExternalStore } from 'react';
import { liveQuery, type Subscription } from 'dexie';
import { getDb, type DangolDb } from './database';
import { startSnapshot } from './start-snapshot';

export interface TabletSession {
  marketId: string | null;
  tutorId: string | null;
  language: 'ko' | 'en';
  demo: boolean;
  enrolled: boolean;
}

export async function readSession(): Promise<TabletSession> {
  const db = getDb();
  const rows = await db.meta.bulkGet(['marketId', 'tutorId', 'language', 'demo', 'enrolled']);
  const [marketId, tutorId, language, demo, enrolled] = rows.map((r) => r?.value);
  return {
    marketId: typeof marketId === 'string' ? marketId : null,
    tutorId: typeof tutorId === 'string' ? tutorId : null,
    language: language === 'en' ? 'en' : 'ko',
    demo: demo === true,
    enrolled: enrolled === true,
  };
}

/**
 * Who is using the tablet right now, read at the moment of a write: a tap that lands before a screen's live
 * session has loaded is still stamped with its author, and never with a tutor who has since switched out.
 */
export async function readTutorId(): Promise<string | null> {
  return (await readSession()).tutorId;
}

const sameSession = (a: TabletSession | undefined, b: TabletSession): boolean =>
  a !== undefined &&
  a.marketId === b.marketId &&
  a.tutorId === b.tutorId &&
  a.language === b.language &&
  a.demo === b.demo &&
  a.enrolled === b.enrolled;

interface SessionStore {
  /** The last value read; undefined while nobody watches or before the first read. */
  value: TabletSession | undefined;
  error: unknown;
  listeners: Set<() => void>;
  query: Subscription | undefined;
  /** The query's teardown once the last component let go (a next subscriber in the same task keeps it). */
  closing: ReturnType<typeof setTimeout> | undefined;
  /** For useSyncExternalStore: one function per database, so a re-render does not subscribe again. */
  subscribe: (listener: () => void) => () => void;
}

// One live read of the session for the whole app, not one per component: the layout watches it all the time, so a
// screen that mounts (the 점포 list on a tab tap) gets the current value in its first render. With a live query of
// its own it rendered once more when that query's first answer came, the same session in a new object (≈ 7 ms at
// CPU 4x, CDP trace), often inside the first stall opening (bench 4c).
const stores = new WeakMap<DangolDb, SessionStore>();

function storeOf(db: DangolDb): SessionStore {
  let store = stores.get(db);
  if (!store) {
    store = {
      value: undefined,
      error: undefined,
      listeners: new Set(),
      query: undefined,
      closing: undefined,
      subscribe: (listener) => watchSession(db, listener),
    };
    stores.set(db, store);
  }
  return store;
}

function notify(store: SessionStore): void {
  for (const l of [...store.listeners]) l();
}

function watchSession(db: DangolDb, listener: () => void): () => void {
  const store = storeOf(db);
  store.listeners.add(listener);
  clearTimeout(store.closing);
  store.closing = undefined;
  // The start's own read is the first value (it is current: read just before the first render).
  if (!store.query) store.value ??= startSnapshot(db)?.session;
  store.query ??= liveQuery(readSession).subscribe({
    next: (session) => {
      // The same session read again (any change to the five keys' rows) is not news: no screen re-renders for it.
      if (sameSession(store.value, session) && store.error === undefined) return;
      store.value = session;
      store.error = undefined;
      notify(store);
    },
    error: (err: unknown) => {
      store.error = err;
      notify(store);
    },
  });
  return () => {
    store.listeners.delete(listener);
    if (store.listeners.size > 0) return;
    store.closing = setTimeout(() => {
      // Nobody watches any more: what is kept would go stale, so the next watcher starts from a fresh read.
      store.query?.unsubscribe();
      store.query = undefined;
      store.value = undefined;
      store.error = undefined;
    }, 0);
  };
}

/**
 * Live session; undefined while loading (on the first render after start: the session read before it). Throws in
 * render if the read failed, as dexie-react-hooks' useLiveQuery did.
 */
export function useSession(): TabletSession | undefined {
  const db = getDb();
  const store = storeOf(db);
  const session = useSyncExternalStore(store.subscribe, () => store.value ?? startSnapshot(db)?.session);
  if (store.error !== undefined) throw store.error;
  return session;
}
