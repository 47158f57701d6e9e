// One simulated tablet of the harness: its own IndexedDB (fake-indexeddb, by name), the app's real sync
// engine behind a faulty fetch, and the log of every change it committed locally. `reopen` closes the tab
// (engine dropped, Dexie closed, answers in flight thrown away) and opens it again from the same database.
import { DangolDb } from '../../src/app/db/database';
import { setMeta } from '../../src/app/db/meta';
import { createSyncEngine, type SyncEngine, type SyncStatus } from '../../src/app/sync';
import { faultyFetch, type FaultNet } from './faulty-fetch';

export interface Device {
  name: string;
  dbName: string;
  db: DangolDb;
  engine: SyncEngine;
  tutorId: string;
  net: FaultNet;
  /** Every changeId this tablet committed to its outbox, in order. */
  committed: string[];
  /** Bumped on each reopen: an incarnation's fetch stays alive only while it is current. */
  incarnation: number;
}

const neverTriggers = { isOnline: () => true, subscribe: () => () => {} };
const noTimers = { set: () => 0, clear: () => {} };

function makeEngine(d: Device): SyncEngine {
  const mine = d.incarnation;
  return createSyncEngine({
    db: d.db,
    fetch: faultyFetch(d.net, () => d.incarnation === mine),
    locks: null,
    online: neverTriggers,
    timers: noTimers,
  });
}

export async function openDevice(opts: {
  name: string;
  dbName: string;
  tutorId: string;
  net: FaultNet;
  code: string;
}): Promise<Device> {
  const d = {
    name: opts.name,
    dbName: opts.dbName,
    db: new DangolDb(opts.dbName),
    tutorId: opts.tutorId,
    net: opts.net,
    committed: [],
    incarnation: 0,
  } as unknown as Device;
  d.engine = makeEngine(d);
  await d.engine.enroll({ code: opts.code, deviceName: opts.name, serverUrl: opts.net.server.url });
  await setMeta(d.db, 'tutorId', opts.tutorId);
  return d;
}

/** Record the changeIds the last operation put in the outbox (the device's actor is sequential). */
export async function noteCommitted(d: Device, before: ReadonlySet<string>): Promise<void> {
  const now = (await d.db.outbox.orderBy('seq').toArray()).map((e) => e.changeId);
  for (const id of now) if (!before.has(id)) d.committed.push(id);
}

export async function outboxIds(d: Device): Promise<Set<string>> {
  return new Set((await d.db.outbox.toArray()).map((e) => e.changeId));
}

/** One sync run; failures are the faults doing their job and are retried later. */
export async function syncOnce(d: Device): Promise<SyncStatus | null> {
  try {
    return await d.engine.syncNow();
  } catch {
    return null;
  }
}

/**
 * Close the tab while a sync is in flight, then open it again: the old engine is stopped and its database
 * closed after `afterMs`, answers still on the way are dropped, and a new engine opens the same database.
 */
export async function stopMidSyncAndReopen(d: Device, afterMs: number): Promise<void> {
  const running = d.engine.syncNow().catch(() => null);
  await new Promise((r) => setTimeout(r, afterMs));
  d.incarnation += 1;
  d.engine.stop();
  d.db.close();
  d.net.counts.reopens += 1;
  await running;
  d.db = new DangolDb(d.dbName);
  await d.db.open();
  d.engine = makeEngine(d);
}
