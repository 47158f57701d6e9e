// Test doubles for the engine's unit tests: an in-memory server speaking the wire contract (with the real
// domain merge), scripted failures, manual timers, switchable network, and a Web Locks stand-in.
import { blankStall } from '../../domain/blank-records';
import { applyChange, PushRequestSchema, type ChangeResult, type Versioned, type WireRecord } from '../../domain';
import { bodyText } from '../../../tests/support/request-body';
import { DangolDb } from '../db/database';
import { setMeta } from '../db/meta';
import { createSyncEngine } from './engine';
import type { LockLike, SyncDeps, Timers, Triggers } from './types';

interface Held {
  entity: WireRecord['entity'];
  id: string;
  v: Versioned;
  seq: number;
}

export interface Scripted {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Let the server handle the request first, then throw (a response lost on the way back). */
  loseResponse?: boolean;
}

export class FakeServer {
  readonly records = new Map<string, Held>();
  readonly applied = new Set<string>();
  /** Change ids refused one by one (answered, like applied ones). */
  readonly refused = new Set<string>();
  readonly log: { method: string; path: string; changes?: string[]; after?: string }[] = [];
  readonly script: Scripted[] = [];
  seq = 0;
  /** Change ids the server refuses one by one. */
  rejectIds = new Set<string>();
  /** A batch holding one of these change ids gets a whole-request 400. */
  poisonIds = new Set<string>();
  /** Delay each answer until this resolves (to hold a request open). */
  gate: Promise<void> | null = null;

  constructor(readonly marketId = 'm1') {}

  fetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const text = bodyText(init?.body);
    const body = text ? JSON.parse(text) : undefined;
    const entry: { method: string; path: string; changes?: string[]; after?: string } = { method, path: url.pathname };
    if (body?.changes) entry.changes = body.changes.map((c: { changeId: string }) => c.changeId);
    if (body?.after) entry.after = body.after;
    this.log.push(entry);
    if (this.gate) await this.gate;
    const next = this.script.shift();
    if (next && !next.loseResponse) {
      if (next.status === 0) throw new TypeError('Failed to fetch');
      return json(next.status, next.body ?? { error: { code: 'x', message: `HTTP ${next.status}` } }, next.headers);
    }
    const res = this.handle(url, method, body);
    if (next?.loseResponse) throw new TypeError('Network connection lost');
    return res;
  };

  private handle(url: URL, method: string, body: unknown): Response {
    if (url.pathname === '/api/sync/push' && method === 'POST') return this.push(body);
    if (url.pathname === '/api/sync/pull') {
      const since = Number(url.searchParams.get('since') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 500);
      const all = [...this.records.values()].filter((r) => r.seq > since).sort((a, b) => a.seq - b.seq);
      const page = all.slice(0, limit);
      const records: WireRecord[] = page.map((r) => ({
        entity: r.entity,
        id: r.id,
        data: r.v.data,
        clocks: r.v.clocks,
        seq: r.seq,
      }));
      return json(200, { records, cursor: page.at(-1)?.seq ?? since, hasMore: all.length > limit });
    }
    return json(404, { error: { code: 'not_found', message: 'no route' } });
  }

  private push(body: unknown): Response {
    const req = PushRequestSchema.parse(body);
    // As the real server: a push naming the change before it is applied only once that one is answered.
    if (req.after !== undefined && !this.applied.has(req.after) && !this.refused.has(req.after)) {
      return json(409, { error: { code: 'out_of_order', message: 'The push before this one is not applied yet' } });
    }
    if (req.changes.some((c) => this.poisonIds.has(c.changeId))) {
      return json(400, { error: { code: 'invalid', message: 'Bad change in batch', messageKo: '잘못된 변경' } });
    }
    const results: ChangeResult[] = req.changes.map((c) => {
      if (this.applied.has(c.changeId)) return { changeId: c.changeId, status: 'duplicate' };
      if (this.rejectIds.has(c.changeId)) {
        this.refused.add(c.changeId);
        return {
          changeId: c.changeId,
          status: 'rejected',
          reason: 'Not allowed',
          reasonKo: '허용되지 않음',
          code: 'forbidden',
        };
      }
      const key = `${c.entity}:${c.recordId}`;
      const r = applyChange(this.records.get(key)?.v, c, this.marketId);
      if (r.kind === 'rejected') {
        this.refused.add(c.changeId);
        return { changeId: c.changeId, status: 'rejected', reason: r.reason, reasonKo: r.reasonKo, code: 'invalid' };
      }
      this.put(c.entity, c.recordId, r.next);
      for (const copy of r.copies) this.put(c.entity, String(copy.data.id), copy);
      this.applied.add(c.changeId);
      return { changeId: c.changeId, status: 'applied' };
    });
    return json(200, { results, serverSeq: this.seq });
  }

  put(entity: WireRecord['entity'], id: string, v: Versioned): void {
    this.seq += 1;
    this.records.set(`${entity}:${id}`, { entity, id, v, seq: this.seq });
  }

  get(entity: string, id: string): Versioned | undefined {
    return this.records.get(`${entity}:${id}`)?.v;
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** Timers that only fire when the test says so. */
export class ManualTimers implements Timers {
  private nextId = 1;
  readonly pending = new Map<number, { fn: () => void; ms: number }>();
  set = (fn: () => void, ms: number) => {
    const id = this.nextId++;
    this.pending.set(id, { fn, ms });
    return id;
  };
  clear = (h: unknown) => {
    this.pending.delete(h as number);
  };
  /** Delays of the armed timers. */
  delays(): number[] {
    return [...this.pending.values()].map((p) => p.ms);
  }
  fireAll(): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.fn();
  }
}

export class FakeNetwork implements Triggers {
  online = true;
  private listeners = new Set<(e: 'online' | 'offline' | 'visible') => void>();
  isOnline = () => this.online;
  subscribe = (cb: (e: 'online' | 'offline' | 'visible') => void) => {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  };
  emit(e: 'online' | 'offline' | 'visible'): void {
    if (e === 'online') this.online = true;
    if (e === 'offline') this.online = false;
    for (const l of this.listeners) l(e);
  }
}

/** Web Locks with ifAvailable, shared by the "tabs" of one test. */
export class FakeLocks implements LockLike {
  private held = new Set<string>();
  async request<T>(name: string, _o: { ifAvailable: true }, cb: (lock: unknown) => Promise<T>): Promise<T> {
    if (this.held.has(name)) return cb(null);
    this.held.add(name);
    try {
      return await cb({ name });
    } finally {
      this.held.delete(name);
    }
  }
}

/** A fresh tablet database enrolled in `marketId` against the fake server at http://fake. */
export async function enrolledDb(
  marketId = 'm1',
  opts: { demo?: boolean; enrolled?: boolean } = {},
): Promise<DangolDb> {
  const db = new DangolDb(`sync-${crypto.randomUUID()}`);
  await setMeta(db, 'marketId', marketId);
  await setMeta(db, 'tutorId', 't1');
  if (opts.enrolled !== false) {
    await setMeta(db, 'enrolled', true);
    await setMeta(db, 'token', 'tok-0123456789abcdefghij');
    await setMeta(db, 'serverUrl', 'http://fake');
  }
  if (opts.demo) await setMeta(db, 'demo', true);
  return db;
}

export function makeEngine(db: DangolDb, server: FakeServer, over: Partial<SyncDeps> = {}) {
  const timers = new ManualTimers();
  const network = new FakeNetwork();
  const deps: SyncDeps = {
    db,
    fetch: server.fetch,
    now: Date.now,
    random: () => 1,
    locks: null,
    online: network,
    timers,
    ...over,
  };
  return { engine: createSyncEngine(deps), timers, network };
}

export function stallFields(name = '행복청과'): Record<string, unknown> {
  return blankStall({ name, category: '청과·채소', building: 'A동', floor: '1', row: '가열', number: '12' });
}
