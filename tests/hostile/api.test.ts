// @vitest-environment node
// Hostile input against the real server on SQLite and PostgreSQL: every malformed, mistyped, incomplete,
// huge, deeply nested, oddly encoded or forged request gets a 4xx with clear words (en + ko), the server
// stays up, and a full dump of records, applied_changes and audit is unchanged afterwards.
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ErrorBody, PushResponse } from '../../src/domain';
import { createMarket, revokeDevice } from '../../src/server/admin/commands';
import { engines, enroll, stallFields, useServer, type TestDevice } from '../server/harness';
import { dumpDb } from './db-dump';
import { HOSTILE_ENROLL_BODIES, HOSTILE_PUSH_BODIES, validChange } from './payloads';

const SEED_CHANGE_ID = randomUUID();

async function expectClearError(res: Response, status: number | 'any4xx'): Promise<ErrorBody['error']> {
  if (status === 'any4xx') {
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  } else expect(res.status).toBe(status);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.message.length).toBeGreaterThan(10);
  expect(body.error.messageKo?.length ?? 0).toBeGreaterThan(5);
  return body.error;
}

describe.each(engines('hostile input suite'))('hostile input on %s', (engine) => {
  const fx = useServer(engine);
  const url = () => fx.get().server.url;
  const storage = () => fx.get().server.storage;
  const post = (path: string, body: string, token?: string) =>
    fetch(`${url()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
  const healthy = async () => expect((await fetch(`${url()}/api/health`)).status).toBe(200);

  let device: TestDevice | undefined;
  let seed: ReturnType<TestDevice['change']> | undefined;
  const seedChange = (d: TestDevice) =>
    (seed ??= d.change({ entity: 'stall', recordId: `seed-${engine}`, fields: stallFields('기존상회') }));
  const dev = async () => (device ??= await enroll(fx.get().server, fx.get().marketId, 'hostile'));

  it.each(HOSTILE_PUSH_BODIES)('push: %s gets a 4xx and changes nothing', async (_name, body) => {
    const d = await dev();
    // Idempotent (the second time a duplicate): there is always a record for "unchanged" to compare.
    await d.pushOk([{ ...seedChange(d), changeId: SEED_CHANGE_ID }]);
    const before = await dumpDb(storage());
    await expectClearError(await post('/api/sync/push', body, d.token), 'any4xx');
    await healthy();
    expect(await dumpDb(storage())).toEqual(before);
  });

  it.each(HOSTILE_ENROLL_BODIES)('enroll: %s gets a 4xx and changes nothing', async (_name, body) => {
    const devices = await storage().dumpTable('devices');
    await expectClearError(await post('/api/enroll', body), 'any4xx');
    await healthy();
    expect(await storage().dumpTable('devices')).toEqual(devices);
  });

  it('refuses missing, malformed, forged and revoked tokens with 401, and a used code on replay', async () => {
    const d = await dev();
    const before = await dumpDb(storage());
    const body = JSON.stringify({ changes: [validChange()] });
    expect((await expectClearError(await post('/api/sync/push', body), 401)).code).toBe('unauthorized');
    for (const forged of [
      randomBytes(32).toString('base64url'),
      `${d.token.slice(0, -2)}xx`,
      "' OR 1=1 --",
      `${d.token}'--`,
      `${d.token} ${d.token}`,
    ]) {
      expect((await expectClearError(await post('/api/sync/push', body, forged), 401)).code).toBe('unauthorized');
    }
    const pull = await fetch(`${url()}/api/sync/pull`, { headers: { authorization: 'Bearer <script>' } });
    await expectClearError(pull, 401);

    const victim = await enroll(fx.get().server, fx.get().marketId, 'to-revoke');
    await revokeDevice(storage(), victim.deviceId);
    const afterEnroll = await dumpDb(storage());
    expect((await expectClearError(await post('/api/sync/push', body, victim.token), 401)).code).toBe('device_revoked');
    expect(await dumpDb(storage())).toEqual(afterEnroll);
    expect(afterEnroll).toEqual(before);
    await healthy();
  });

  it('refuses a replayed enrollment code', async () => {
    const { createEnrollmentCode } = await import('../../src/server/admin/commands');
    const { code } = await createEnrollmentCode(storage(), fx.get().marketId);
    expect((await post('/api/enroll', JSON.stringify({ code, deviceName: 'first' }))).status).toBe(200);
    const devices = await storage().dumpTable('devices');
    const again = await post('/api/enroll', JSON.stringify({ code, deviceName: 'second' }));
    expect((await expectClearError(again, 401)).code).toBe('code_used');
    expect(await storage().dumpTable('devices')).toEqual(devices);
  });

  it("refuses another market's ids: 403 for its records, a captured push replayed, and nothing changes", async () => {
    const d = await dev();
    const own = d.change({ entity: 'stall', recordId: `mine-${engine}`, fields: stallFields('우리상회') });
    await d.pushOk([own]);
    const other = await createMarket(storage(), { name: '남의시장', type: '골목형', schedule: '상설' });
    const intruder = await enroll(fx.get().server, other.id, 'intruder');
    const before = await dumpDb(storage());
    const overwrite = intruder.change({ entity: 'stall', recordId: `mine-${engine}`, fields: stallFields('빼앗기') });
    await expectClearError(await intruder.push([overwrite]), 403);
    await expectClearError(await intruder.push([own]), 403); // the captured change of market 1, replayed
    expect(await dumpDb(storage())).toEqual(before);
    const seen = await intruder.pull(0, 2000);
    expect(seen.records.some((r) => r.id === `mine-${engine}` || r.data.marketId === fx.get().marketId)).toBe(false);
    await healthy();
  });

  it('answers a replayed push as duplicates and applies nothing twice', async () => {
    const d = await dev();
    const change = d.change({ entity: 'stall', recordId: `replay-${engine}`, fields: stallFields('한번상회') });
    const first = await d.pushOk([change]);
    expect(first.results[0]?.status).toBe('applied');
    const before = await dumpDb(storage());
    const again: PushResponse = await d.pushOk([change]);
    expect(again.results[0]?.status).toBe('duplicate');
    expect(await dumpDb(storage())).toEqual(before);
  });
});

describe.each(engines('hostile field values'))('hostile field values on %s', (engine) => {
  const fx = useServer(engine);
  let d: TestDevice;
  const storage = () => fx.get().server.storage;

  const nested = (depth: number): unknown => (depth === 0 ? 'x' : { a: nested(depth - 1) });
  const BAD_FIELDS: [string, Record<string, unknown>][] = [
    ['a name of the wrong type', { name: 12345 }],
    ['a name of 10k characters', { name: '가'.repeat(10_000) }],
    ['a name nested 2000 deep', { name: nested(2000) }],
    ['an enum value shaped like SQL', { category: "수산'; DELETE FROM audit; --" }],
    ['a field the stall does not have', { isAdmin: true }],
    ['an id field changed', { marketId: 'mkt_other' }],
  ];

  it.each(BAD_FIELDS)('a change with %s is refused (4xx reason), records and audit unchanged', async (_n, bad) => {
    d ??= await enroll(fx.get().server, fx.get().marketId, 'fields');
    const change = d.change({
      entity: 'stall',
      recordId: `bad-${engine}-${_n.length}`,
      fields: { ...stallFields('상회'), ...bad },
    });
    const before = await dumpDb(storage());
    const res = await d.push([change]);
    let refusal: { status: number; reason: string };
    if (res.status === 200) {
      const result = ((await res.json()) as PushResponse).results[0];
      refusal = { status: result?.httpStatus ?? 200, reason: `${result?.reason ?? ''} ${result?.reasonKo ?? ''}` };
      expect(result?.status).toBe('rejected');
    } else {
      const error = await expectClearError(res, 'any4xx');
      refusal = { status: res.status, reason: error.message };
    }
    expect(refusal.status).toBeGreaterThanOrEqual(400);
    expect(refusal.status).toBeLessThan(500);
    expect(refusal.reason.trim().length).toBeGreaterThan(10);
    const after = await dumpDb(storage());
    expect(after.records).toEqual(before.records);
    expect(after.audit).toEqual(before.audit);
    // The answer is remembered for a retry (a rejected row for this changeId), nothing else.
    const added = after.applied.filter((r) => !before.applied.includes(r));
    expect(added.every((r) => r.includes(change.changeId) && r.includes('rejected'))).toBe(true);
    expect((await fetch(`${fx.get().server.url}/api/health`)).status).toBe(200);
  });

  it('keeps free text shaped like SQL or HTML, or with odd unicode, as inert text that round-trips exactly', async () => {
    d ??= await enroll(fx.get().server, fx.get().marketId, 'fields');
    const texts = [
      "'); DROP TABLE records; --",
      '<img src=x onerror=alert(1)><script>alert(2)</script>',
      '\u202e상회\u200b\u200d\u2066 RTL',
      '이모지 😀 와 줄바꿈\n둘째 줄',
    ];
    const changes = texts.map((t, i) =>
      d.change({ entity: 'stall', recordId: `text-${engine}-${i}`, fields: { ...stallFields('상회'), landmark: t } }),
    );
    const res = await d.pushOk(changes);
    expect(res.results.map((r) => r.status)).toEqual(texts.map(() => 'applied'));
    const pulled = await d.pull(0, 2000);
    for (const [i, t] of texts.entries()) {
      expect(pulled.records.find((r) => r.id === `text-${engine}-${i}`)?.data.landmark).toBe(t);
    }
    expect((await storage().dumpTable('records')).length).toBeGreaterThan(0); // the tables are still there
  });

  it('refuses text that no keyboard types (control characters, lone surrogates) and stores nothing of it', async () => {
    d ??= await enroll(fx.get().server, fx.get().marketId, 'fields');
    const texts = ['널\u0000문자', '외로운\ud800서로게이트', '벨\u0007소리'];
    const before = await dumpDb(storage());
    const changes = texts.map((t, i) =>
      d.change({ entity: 'stall', recordId: `broken-${engine}-${i}`, fields: { ...stallFields('상회'), landmark: t } }),
    );
    const res = await d.pushOk(changes);
    for (const r of res.results) {
      expect(r.status).toBe('rejected');
      expect(r.reason).toMatch(/landmark/);
    }
    const after = await dumpDb(storage());
    expect(after.records).toEqual(before.records);
    expect(after.audit).toEqual(before.audit);
  });
});
