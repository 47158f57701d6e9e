// A benchmark tablet in Node: its own IndexedDB (fake-indexeddb), the app's real sync engine with Node's
// fetch, and a log of when each push/pull request left, so a drain can be timed inside one engine run.
import { randomUUID } from 'node:crypto';
import { DangolDb } from '../../src/app/db/database';
import { setMeta } from '../../src/app/db/meta';
import { createSyncEngine, type SyncEngine } from '../../src/app/sync';
import type { BenchServer } from './server';

export interface BenchTablet {
  db: DangolDb;
  engine: SyncEngine;
  online: boolean;
  /** performance.now() when each request left, by kind; its answer's status (and error code, if any) once in. */
  sent: { kind: 'push' | 'pull' | 'other'; at: number; bytes: number; ms: number; status: number; code?: string }[];
}

/** The `error.code` of an error answer's JSON body, if it has one. */
function errorCode(body: ArrayBuffer): string | undefined {
  try {
    return (JSON.parse(new TextDecoder().decode(body)) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

const alwaysOnline = { isOnline: () => true, subscribe: () => () => {} };
const noTimers = { set: () => 0, clear: () => {} };

export function makeTablet(name: string): BenchTablet {
  const db = new DangolDb(`bench-${name}-${randomUUID()}`);
  const t = { db, online: true, sent: [] } as unknown as BenchTablet;
  const fetchFn: typeof fetch = async (input, init) => {
    const url = String(input);
    const kind = url.includes('/api/sync/push') ? 'push' : url.includes('/api/sync/pull') ? 'pull' : 'other';
    if (!t.online) throw new TypeError('fetch failed (offline)');
    const sent = init?.body;
    const bytes = typeof sent === 'string' ? sent.length : ArrayBuffer.isView(sent) ? sent.byteLength : 0;
    const entry: BenchTablet['sent'][number] = { kind, at: performance.now(), bytes, ms: 0, status: 0 };
    t.sent.push(entry);
    const res = await fetch(input, init);
    const body = await res.arrayBuffer();
    entry.ms = performance.now() - entry.at;
    entry.status = res.status;
    if (!res.ok) entry.code = errorCode(body);
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  const online = { ...alwaysOnline, isOnline: () => t.online };
  t.engine = createSyncEngine({ db, fetch: fetchFn, locks: null, online, timers: noTimers });
  return t;
}

/** Enroll with a fresh code; the engine's first run pulls the whole market. Resolves when that run ended. */
export async function enrollTablet(t: BenchTablet, bs: BenchServer, tutorId: string) {
  const code = await bs.enrollmentCode();
  await t.engine.enroll({ code, deviceName: `bench ${randomUUID().slice(0, 6)}`, serverUrl: bs.url });
  await setMeta(t.db, 'tutorId', tutorId);
}

export async function dropTablet(t: BenchTablet): Promise<void> {
  t.engine.stop();
  t.db.close();
  await t.db.delete();
}
