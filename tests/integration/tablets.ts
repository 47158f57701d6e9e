// Simulated tablets for the integration tests: each has its own IndexedDB (fake-indexeddb, own name), the
// app's real sync engine with Node's fetch, a switch to go offline, a way to lose the next response, and
// a hook run just before its next pull. Plus snapshots to compare tablets with the server.
import { randomUUID } from 'node:crypto';
import type { EntityName } from '../../src/domain';
import { TABLE_OF, DangolDb } from '../../src/app/db/database';
import { setMeta } from '../../src/app/db/meta';
import { createSyncEngine, type SyncEngine } from '../../src/app/sync';
import { createEnrollmentCode, createTutor, listDevices } from '../../src/server/admin/commands';
import type { RunningServer } from '../../src/server/start';

export interface Tablet {
  name: string;
  db: DangolDb;
  engine: SyncEngine;
  deviceId: string;
  tutorId: string;
  online: boolean;
  /** Let the server handle the next request of this kind, then throw its response away. */
  loseNext: 'push' | 'pull' | null;
  /** Run once just before the next pull request leaves. */
  beforePull: (() => Promise<void>) | null;
  requests: string[];
}

const neverTriggers = { isOnline: () => true, subscribe: () => () => {} };
const noTimers = { set: () => 0, clear: () => {} };

export async function tablet(server: RunningServer, marketId: string, name: string): Promise<Tablet> {
  const db = new DangolDb(`it-${name}-${randomUUID()}`);
  const tutor = await createTutor(server.storage, { marketId, name: `${name} 튜터`, role: 'tutor' });
  const t = { name, db, online: true, loseNext: null, beforePull: null, requests: [] } as unknown as Tablet;
  const fetchFn: typeof fetch = async (input, init) => {
    const url = String(input);
    const kind = url.includes('/api/sync/push') ? 'push' : url.includes('/api/sync/pull') ? 'pull' : 'enroll';
    if (!t.online) throw new TypeError('fetch failed (offline)');
    if (kind === 'pull' && t.beforePull) {
      const hook = t.beforePull;
      t.beforePull = null;
      await hook();
    }
    t.requests.push(kind);
    const res = await fetch(input, init);
    if (t.loseNext === kind) {
      t.loseNext = null;
      await res.arrayBuffer();
      throw new TypeError('fetch failed (response lost)');
    }
    return res;
  };
  t.engine = createSyncEngine({ db, fetch: fetchFn, locks: null, online: neverTriggers, timers: noTimers });
  const { code } = await createEnrollmentCode(server.storage, marketId);
  await t.engine.enroll({ code, deviceName: name, serverUrl: server.url });
  await setMeta(db, 'tutorId', tutor.id);
  t.tutorId = tutor.id;
  const device = (await listDevices(server.storage, marketId)).find((d) => d.name === name);
  if (!device) throw new Error(`device ${name} not listed`);
  t.deviceId = device.id;
  return t;
}

const ENTITIES = Object.keys(TABLE_OF) as EntityName[];

/** Every record a tablet holds, without its clocks, keyed entity:id. */
export async function tabletSnapshot(db: DangolDb): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const e of ENTITIES) {
    for (const row of await db.table$(e).toArray()) {
      const { _clocks: _c, ...data } = row as Record<string, unknown>;
      out[`${e}:${String(data.id)}`] = sortKeys(data);
    }
  }
  return out;
}

/** Every record the server holds for the market, the same shape. */
export async function serverSnapshot(server: RunningServer, marketId: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const page = await server.storage.pull(marketId, 0, 100_000);
  for (const r of page.records) out[`${r.entity}:${r.id}`] = sortKeys(r.data as Record<string, unknown>);
  return out;
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );
}

export function stallFields(name: string) {
  return {
    name,
    category: '수산' as const,
    building: 'A동',
    floor: '1',
    row: '가열',
    number: '12',
    landmark: '',
    merchantName: '',
    merchantPhone: '',
    channelName: '',
    channelSearchId: '',
    channelUrl: '',
    channelOpened: false,
    businessStatus: 'not_applied' as const,
    friendCount: 0,
    friendCountAt: null,
    deleted: false,
  };
}

export function noteFields(stallId: string, taught: string) {
  return {
    stallId,
    visitId: null,
    tutorId: null,
    topics: ['채널 개설'],
    taught,
    hard: '',
    nextStep: '',
    followUpDate: null,
    writtenAt: new Date().toISOString(),
    conflictOf: null,
    deleted: false,
  };
}
