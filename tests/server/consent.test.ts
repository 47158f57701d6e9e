// @vitest-environment node
// PRODUCT.md 5 on the server: a merchant's name and phone are stored only while a consent of that stall is
// active. The app checks this before it saves; the server decides for a tablet that saved offline after another
// tablet recorded the merchant's withdrawal (its later clock would otherwise bring the phone number back).
import { beforeAll, describe, expect, it } from 'vitest';
import { seoulDate } from '../../src/domain/consent-rules';
import { enroll, engines, latest, pullAll, stallFields, useServer, type TestDevice } from './harness';

const DAY = 24 * 60 * 60 * 1000;

function consentFields(stallId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    updatedAt: new Date().toISOString(),
    updatedBy: null,
    deleted: false,
    stallId,
    formVersion: 1,
    purpose: '카카오톡 채널 개설·운영 교육과 사후관리 연락',
    items: ['성명', '휴대전화번호'],
    retentionUntil: seoulDate(Date.now() + 365 * DAY),
    refusalRightExplained: true,
    sharePartners: false,
    photoUse: false,
    contactAfter: true,
    method: 'tablet',
    consentedAt: new Date().toISOString(),
    tutorId: null,
    deviceId: 'd-consent-test',
    withdrawnAt: null,
    ...overrides,
  };
}

const phone = { merchantName: '김순자', merchantPhone: '010-1234-5678' };

describe.each(engines('server-side consent suite'))('consent before personal data on %s', (engine) => {
  const fx = useServer(engine);
  let a: TestDevice;
  let b: TestDevice;

  beforeAll(async () => {
    const { server, marketId } = fx.get();
    a = await enroll(server, marketId, 'tablet A');
    b = await enroll(server, marketId, 'tablet B');
  });

  async function newStall(id: string) {
    const res = await a.pushOk([a.change({ entity: 'stall', recordId: id, fields: stallFields('행복청과') })]);
    expect(res.results[0]?.status).toBe('applied');
  }

  it('refuses a name and phone for a stall without consent, with a clear reason, and stores nothing of them', async () => {
    await newStall('st-none');
    const res = await a.pushOk([a.change({ entity: 'stall', recordId: 'st-none', fields: phone })]);
    expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'consent_required', httpStatus: 422 });
    expect(res.results[0]?.reasonKo).toMatch(/동의/);
    expect(res.results[0]?.reason).toMatch(/consent/);
    expect(latest(await pullAll(a), 'st-none')).toMatchObject({ merchantName: '', merchantPhone: '' });
  });

  it('accepts them after a consent, also when the consent comes earlier in the same batch', async () => {
    await newStall('st-ok');
    const res = await a.pushOk([
      a.change({ entity: 'consent', recordId: 'co-ok', fields: consentFields('st-ok') }),
      a.change({ entity: 'stall', recordId: 'st-ok', fields: phone }),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(latest(await pullAll(a), 'st-ok')).toMatchObject(phone);
  });

  it("refuses a tablet's offline edit of the phone that arrives after another tablet recorded the withdrawal", async () => {
    await newStall('st-w');
    await a.pushOk([
      a.change({ entity: 'consent', recordId: 'co-w', fields: consentFields('st-w') }),
      a.change({ entity: 'stall', recordId: 'st-w', fields: phone }),
    ]);
    // Tablet B, offline, changes the phone; meanwhile tablet A records the withdrawal and erases the fields.
    const offlineEdit = b.change({ entity: 'stall', recordId: 'st-w', fields: { merchantPhone: '010-9999-0000' } });
    const withdrawal = await a.pushOk([
      a.change({ entity: 'consent', recordId: 'co-w', fields: { withdrawnAt: new Date().toISOString() } }),
      a.change({ entity: 'stall', recordId: 'st-w', fields: { merchantName: '', merchantPhone: '' } }),
    ]);
    expect(withdrawal.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const late = await b.pushOk([offlineEdit]);
    expect(late.results[0]).toMatchObject({ status: 'rejected', code: 'consent_required' });
    expect(latest(await pullAll(b), 'st-w')).toMatchObject({ merchantName: '', merchantPhone: '' });
  });

  it('refuses them when the consent is past its retention date or deleted, and always allows erasing', async () => {
    await newStall('st-old');
    await a.pushOk([
      a.change({
        entity: 'consent',
        recordId: 'co-old',
        fields: consentFields('st-old', { retentionUntil: seoulDate(Date.now() - 2 * DAY) }),
      }),
    ]);
    const expired = await a.pushOk([a.change({ entity: 'stall', recordId: 'st-old', fields: phone })]);
    expect(expired.results[0]).toMatchObject({ code: 'consent_required' });

    await newStall('st-del');
    await a.pushOk([a.change({ entity: 'consent', recordId: 'co-del', fields: consentFields('st-del') })]);
    await a.pushOk([a.change({ entity: 'consent', recordId: 'co-del', op: 'delete' })]);
    const deleted = await a.pushOk([a.change({ entity: 'stall', recordId: 'st-del', fields: phone })]);
    expect(deleted.results[0]).toMatchObject({ code: 'consent_required' });

    const erase = await a.pushOk([
      a.change({ entity: 'stall', recordId: 'st-old', fields: { merchantName: '', merchantPhone: '' } }),
    ]);
    expect(erase.results[0]?.status).toBe('applied');
  });

  it("does not count another stall's consent", async () => {
    await newStall('st-x');
    await newStall('st-y');
    await a.pushOk([a.change({ entity: 'consent', recordId: 'co-x', fields: consentFields('st-x') })]);
    const res = await a.pushOk([a.change({ entity: 'stall', recordId: 'st-y', fields: phone })]);
    expect(res.results[0]).toMatchObject({ code: 'consent_required' });
  });
});

describe('seoulDate', () => {
  it('gives the date in Korea (UTC+9), which is a day ahead of UTC from 15:00 UTC', () => {
    expect(seoulDate(Date.parse('2026-11-26T14:59:59Z'))).toBe('2026-11-26');
    expect(seoulDate(Date.parse('2026-11-26T15:00:00Z'))).toBe('2026-11-27');
  });
});
