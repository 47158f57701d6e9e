// @vitest-environment node
// Enrollment and device authentication on each engine: a code works once and expires, wrong codes are
// refused in words, only the token's hash is stored, unknown and revoked devices get 401.
import { describe, expect, it } from 'vitest';
import type { EnrollResponse, ErrorBody } from '../../src/domain';
import { createEnrollmentCode, listDevices, revokeDevice } from '../../src/server/admin/commands';
import { hashEnrollmentCode } from '../../src/server/auth/secrets';
import { enroll, engines, useServer } from './harness';

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(`${url}/api/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function errorOf(res: Response): Promise<ErrorBody['error']> {
  return ((await res.json()) as ErrorBody).error;
}

describe.each(engines('enrollment and device auth suite'))('enrollment and auth on %s', (engine) => {
  const fx = useServer(engine);

  it('enrolls with a code exactly once; the code is accepted typed in lower case without the dash', async () => {
    const { server, marketId } = fx.get();
    const { code, expiresAt } = await createEnrollmentCode(server.storage, marketId, 30);
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(29 * 60_000);
    const res = await post(server.url, {
      code: ` ${code.replace('-', '').toLowerCase()} `,
      deviceName: '라운지 태블릿',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as EnrollResponse;
    expect(body).toMatchObject({ marketId, marketName: '테스트시장' });
    expect(body.token.length).toBeGreaterThanOrEqual(43);

    const again = await post(server.url, { code, deviceName: '두번째' });
    expect(again.status).toBe(401);
    const err = await errorOf(again);
    expect(err.code).toBe('code_used');
    expect(err.message).toMatch(/already used/);
    expect(err.messageKo).toMatch(/이미 사용된/);
    expect((await listDevices(server.storage, marketId)).map((d) => d.name)).toContain('라운지 태블릿');
  });

  it('refuses an expired code and a wrong code in plain words', async () => {
    const { server, marketId } = fx.get();
    const past = new Date(Date.now() - 60_000).toISOString();
    await server.storage.saveEnrollmentCode(hashEnrollmentCode('OLDC-ODE2'), marketId, past, past);
    const expired = await post(server.url, { code: 'OLDC-ODE2', deviceName: 't' });
    expect(expired.status).toBe(401);
    expect(await errorOf(expired)).toMatchObject({ code: 'code_expired', message: expect.stringMatching(/expired/) });
    const wrong = await post(server.url, { code: 'ZZZZ-ZZZZ', deviceName: 't' });
    expect(wrong.status).toBe(401);
    expect(await errorOf(wrong)).toMatchObject({
      code: 'code_unknown',
      messageKo: expect.stringMatching(/맞지 않습니다/),
    });
  });

  it('stores only the SHA-256 of the device token, never the token or the code', async () => {
    const { server, marketId } = fx.get();
    const { code } = await createEnrollmentCode(server.storage, marketId);
    const body = (await (await post(server.url, { code, deviceName: 'hash-check' })).json()) as EnrollResponse;
    const devices = await server.storage.dumpTable('devices');
    const codes = await server.storage.dumpTable('enrollment_codes');
    const everything = JSON.stringify([devices, codes]);
    expect(everything).not.toContain(body.token);
    expect(everything).not.toContain(code);
    expect(everything).not.toContain(code.replace('-', ''));
    const row = devices.find((d) => d.id === body.deviceId);
    expect(row?.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answers 401 'unauthorized' to an unknown token and 401 'device_revoked' once revoked", async () => {
    const { server, marketId } = fx.get();
    const a = await enroll(server, marketId, 'to-revoke');
    expect((await a.pull()).records.length).toBeGreaterThan(0);
    const unknown = await fetch(`${server.url}/api/sync/pull`, {
      headers: { authorization: 'Bearer ' + 'x'.repeat(43) },
    });
    expect(unknown.status).toBe(401);
    expect((await errorOf(unknown)).code).toBe('unauthorized');
    const none = await fetch(`${server.url}/api/sync/pull`);
    expect((await errorOf(none)).code).toBe('unauthorized');

    await revokeDevice(server.storage, a.deviceId);
    const pull = await fetch(`${server.url}/api/sync/pull`, { headers: { authorization: `Bearer ${a.token}` } });
    expect(pull.status).toBe(401);
    const err = await errorOf(pull);
    expect(err.code).toBe('device_revoked');
    expect(err.messageKo).toMatch(/해제/);
    const push = await a.push([a.change({ entity: 'stall', recordId: 'e-x', fields: {} })]);
    expect(push.status).toBe(401);
    expect((await errorOf(push)).code).toBe('device_revoked');
  });
});

describe('enrollment rate limit', () => {
  const fx = useServer('sqlite', { enrollLimitPerMinute: 10 });

  it('answers 429 with Retry-After after 10 attempts a minute from one address', async () => {
    const { server } = fx.get();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post(server.url, { code: 'WRNG-CODE', deviceName: 't' })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    const limited = await post(server.url, { code: 'WRNG-CODE', deviceName: 't' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await errorOf(limited)).code).toBe('rate_limited');
  });
});
