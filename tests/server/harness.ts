// Shared by the server tests: runs a suite against each storage engine (SQLite always, PostgreSQL when
// present: one cluster per test file, a fresh database per suite), a real server on a random port, and
// small builders for enrolled devices and changes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { formatHlc, type Change, type EntityName, type PushResponse, type PullResponse } from '../../src/domain';
import { createEnrollmentCode, createMarket } from '../../src/server/admin/commands';
import { startServer, type RunningServer, type StartOptions } from '../../src/server/start';
import { freshDatabase, runPostgresTests, startPostgres, type PostgresCluster } from '../support/postgres';
import { blankStall } from '../../src/domain/blank-records';

export type Engine = 'sqlite' | 'postgres';

/** The engines a suite runs on; the PostgreSQL half is skipped only with a loud message (never in CI). */
export function engines(what: string): Engine[] {
  return runPostgresTests(what) ? ['sqlite', 'postgres'] : ['sqlite'];
}

let cluster: Promise<PostgresCluster> | undefined;
afterAll(async () => {
  if (cluster) await (await cluster).stop();
  cluster = undefined;
});

export function tempDir(prefix = 'dangol-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Where a fresh, empty database of this engine lives. */
export async function freshStorageOptions(engine: Engine): Promise<{ databaseUrl?: string; dataDir?: string }> {
  if (engine === 'sqlite') return { dataDir: tempDir() };
  cluster ??= startPostgres();
  return { databaseUrl: await freshDatabase((await cluster).url) };
}

export interface ServerFixture {
  server: RunningServer;
  marketId: string;
}

/** A real server on a fresh database of `engine` with one market, for the suite it is called in. */
export function useServer(engine: Engine, extra: Partial<StartOptions> = {}): { get(): ServerFixture } {
  let fixture: ServerFixture | undefined;
  beforeAll(async () => {
    const storage = await freshStorageOptions(engine);
    const server = await startServer({ port: 0, enrollLimitPerMinute: 1000, ...storage, ...extra });
    const market = await createMarket(server.storage, { name: '테스트시장', type: '골목형', schedule: '상설' });
    fixture = { server, marketId: market.id };
  });
  afterAll(async () => {
    await fixture?.server.close();
  });
  return {
    get() {
      if (!fixture) throw new Error('server not started');
      return fixture;
    },
  };
}

export interface TestDevice {
  deviceId: string;
  token: string;
  marketId: string;
  /** Makes a change stamped with this device's clock (strictly increasing). */
  change(input: ChangeInput): Change;
  /** `after`: the change sent last before this push (the server applies this push only once it is answered). */
  push(changes: Change[], after?: string): Promise<Response>;
  pushOk(changes: Change[], after?: string): Promise<PushResponse>;
  pull(since?: number, limit?: number): Promise<PullResponse>;
}

export interface ChangeInput {
  entity: EntityName;
  recordId: string;
  op?: 'put' | 'delete';
  fields?: Record<string, unknown>;
  base?: string | null;
  tutorId?: string | null;
  clockAt?: number;
}

let wall = Date.now();

/** Enroll a new tablet into `marketId` through the real /api/enroll, with a code made by the admin library. */
export async function enroll(server: RunningServer, marketId: string, name = 'tablet'): Promise<TestDevice> {
  const url = server.url;
  const { code } = await createEnrollmentCode(server.storage, marketId);
  const res = await fetch(`${url}/api/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: name }),
  });
  if (res.status !== 200) throw new Error(`enroll failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { deviceId: string; token: string; marketId: string };
  const clockId = body.deviceId.replace(/[^A-Za-z0-9_-]/g, '');
  const auth = { authorization: `Bearer ${body.token}` };
  const device: TestDevice = {
    ...body,
    change(input) {
      wall = Math.max(wall + 1, Date.now());
      return {
        changeId: randomUUID(),
        entity: input.entity,
        recordId: input.recordId,
        op: input.op ?? 'put',
        fields: input.fields ?? {},
        clock: formatHlc({ wall: input.clockAt ?? wall, counter: 0 }, clockId),
        base: input.base ?? null,
        tutorId: input.tutorId ?? null,
        at: new Date(input.clockAt ?? wall).toISOString(),
      };
    },
    push: (changes, after) =>
      fetch(`${url}/api/sync/push`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(after === undefined ? { changes } : { changes, after }),
      }),
    async pushOk(changes, after) {
      const res = await device.push(changes, after);
      if (res.status !== 200) throw new Error(`push failed: ${res.status} ${await res.text()}`);
      return (await res.json()) as PushResponse;
    },
    async pull(since = 0, limit = 500) {
      const res = await fetch(`${url}/api/sync/pull?since=${since}&limit=${limit}`, { headers: auth });
      if (res.status !== 200) throw new Error(`pull failed: ${res.status} ${await res.text()}`);
      return (await res.json()) as PullResponse;
    },
  };
  return device;
}

/** Every record of a market, following the cursor page by page. */
export async function pullAll(device: TestDevice, limit = 500): Promise<PullResponse['records']> {
  const all: PullResponse['records'] = [];
  let cursor = 0;
  for (;;) {
    const page = await device.pull(cursor, limit);
    all.push(...page.records);
    cursor = page.cursor;
    if (!page.hasMore) return all;
  }
}

export function latest(records: PullResponse['records'], id: string): Record<string, unknown> | undefined {
  let found: PullResponse['records'][number] | undefined;
  for (const r of records) if (r.id === id && (!found || r.seq > found.seq)) found = r;
  return found?.data;
}

export function stallFields(name: string): Record<string, unknown> {
  return {
    ...blankStall({ name, category: '수산', building: 'A동', floor: '1', row: '가열', number: '12' }),
    updatedAt: new Date().toISOString(),
    updatedBy: null,
  };
}

export function noteFields(stallId: string, taught: string): Record<string, unknown> {
  return {
    updatedAt: new Date().toISOString(),
    updatedBy: null,
    deleted: false,
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
  };
}
