// The last answer of a screen's live queries, kept for the next time the screen mounts: a screen opened again (the
// tap back to 오늘 from another tab) renders complete in its tap's own task, instead of "loading" until IndexedDB
// answers and then a second render and layout (bench 4f: 75–112 ms at CPU 4x before). The live query runs as always
// and takes over with its own answer.
//
// Never older than the last change: an answer is kept only if no change to its tables committed while it was read,
// and it is dropped at the next change to them (Dexie's `storagemutated`: this tab's changes and other tabs').
import Dexie, { liveQuery } from 'dexie';
import { useObservable } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { changedTables } from './changed-tables';
import { closedLater } from './live-query';
import type { DangolDb } from './database';

interface Kept {
  db: DangolDb;
  tables: readonly string[];
  value: unknown;
}

/** At most this many answers (a day's visits per day and tutor filter, the tutors' names, the market). */
const MOST = 16;
const kept = new Map<string, Kept>();
/** Changes committed per `database/table` since the page loaded. */
const changes = new Map<string, number>();
let listening = false;

function listen(): void {
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', (parts: Record<string, unknown>) => {
    const touched = new Set(changedTables(parts).map(({ db, table }) => `${db}/${table}`));
    for (const t of touched) changes.set(t, (changes.get(t) ?? 0) + 1);
    for (const [key, e] of kept) {
      if (e.tables.some((t) => touched.has(`${e.db.name}/${t}`))) kept.delete(key);
    }
  });
}

/** How many changes to `tables` have committed so far: an answer read while this moved may be out of date. */
function version(db: DangolDb, tables: readonly string[]): number {
  let n = 0;
  for (const t of tables) n += changes.get(`${db.name}/${t}`) ?? 0;
  return n;
}

/** The kept answer of `key` in `db`, if there is one. */
function keptAnswer<T>(db: DangolDb, key: string): T | undefined {
  const e = kept.get(key);
  return e && e.db === db ? (e.value as T) : undefined;
}

function keep(db: DangolDb, key: string, tables: readonly string[], value: unknown): void {
  kept.delete(key); // the newest last, so the oldest go first
  kept.set(key, { db, tables, value });
  if (kept.size > MOST) kept.delete(kept.keys().next().value!);
}

/**
 * `useLiveQuery` of `read` (re-read when `key` changes: the key names the query and its arguments) whose first value,
 * when this query was answered before and none of `tables` (Dexie table names it reads) has changed since, is that
 * answer; otherwise `first` (e.g. the start snapshot's), else undefined while loading, as `useLiveQuery`.
 * `first` comes before a kept answer: it is the start snapshot, read for this very render.
 */
export function useKeptLiveQuery<T>(
  db: DangolDb,
  key: string,
  tables: readonly string[],
  read: () => Promise<T>,
  first?: T,
): T | undefined {
  listen();
  // The first value is given to useLiveQuery as its default, which it holds until its own first answer: `first` (the
  // start snapshot) is there for the first render only, and Today renders again before its query answers (another
  // query's answer, its deferred cards). Marked as read at no version (-1): never kept as an answer.
  const start = first !== undefined ? first : keptAnswer<T>(db, key);
  // dexie-react-hooks' `useLiveQuery`, with the query closed in the task after this screen unmounts (live-query.ts).
  const answer = useObservable(
    () =>
      closedLater(
        liveQuery(async () => {
          const at = version(db, tables);
          return { key, at, value: await read() };
        }),
      ),
    [db, key],
    start === undefined ? undefined : { key, at: -1, value: start },
  );
  // After a change of `key`, useLiveQuery still gives the previous key's answer until the new one is read.
  const current = answer?.key === key ? answer : undefined;
  useEffect(() => {
    // Dexie reads again when a change commits during a read (that answer never comes); a change between the answer
    // and this effect (after the render) is caught here: the answer is not kept, the live query's next one will be.
    if (current && current.at === version(db, tables)) keep(db, key, tables, current.value);
  }, [db, key, tables, current]);
  if (current) return current.value;
  // A new key: its kept answer, else the previous key's answer as `useLiveQuery` gives it until the new one is read
  // (no "loading" in between, e.g. when Today's filter switches between my visits and all tutors').
  return keptAnswer<T>(db, key) ?? answer?.value;
}
