import { beforeEach, describe, expect, it } from 'vitest';
import { DangolDb, setDb } from '../database';
import { setMeta } from '../meta';
import { mutate } from '../mutate';
import {
  activeConsent,
  assertPersonalDataAllowed,
  localToday,
  purgeExpiredPersonalData,
  recordConsent,
  savePersonalFields,
  withdrawConsent,
  type ConsentAnswers,
} from './consents';
import { seedMarket, seedTutor } from '../../../../tests/shared-tablet/seed';

let db: DangolDb;
const inAYear = localToday(new Date(Date.now() + 365 * 86_400_000));
const YES: ConsentAnswers = {
  sharePartners: true,
  photoUse: false,
  contactAfter: true,
  method: 'tablet',
  retentionUntil: inAYear,
  refusalRightExplained: true,
};

async function seedStall(id: string) {
  await mutate(db, {
    entity: 'stall',
    id,
    tutorId: null,
    fields: {
      name: '해뜰청과',
      category: '청과·채소',
      building: '',
      floor: '',
      row: '',
      number: '12',
      landmark: '',
      merchantName: '',
      merchantPhone: '',
      channelName: '해뜰청과',
      channelSearchId: '',
      channelUrl: '',
      channelOpened: true,
      businessStatus: 'submitted',
      friendCount: 12,
      friendCountAt: null,
      deleted: false,
    },
  });
}

beforeEach(async () => {
  db = new DangolDb(`t-${crypto.randomUUID()}`);
  setDb(db);
  await setMeta(db, 'marketId', 'm-test');
  await seedMarket(db);
  await seedTutor(db, 'tu1', '박튜터');
  await seedStall('st1');
});

describe('consent before personal data', () => {
  it('refuses the merchant name and phone without a consent, and writes nothing', async () => {
    const before = await db.outbox.count();
    await expect(savePersonalFields(db, 'st1', { merchantName: '김순자' }, 'tu1')).rejects.toThrow(/동의|consent/);
    await expect(assertPersonalDataAllowed(db, null, { merchantPhone: '010-1234-5678' })).rejects.toThrow();
    expect((await db.stalls.get('st1'))?.merchantName).toBe('');
    expect(await db.outbox.count()).toBe(before);
    // Erasing or leaving them empty is always fine.
    await expect(assertPersonalDataAllowed(db, 'st1', { merchantName: '', name: 'x' })).resolves.toBeUndefined();
  });

  it('records the form, answers, method, time, tutor and device; then saves personal fields', async () => {
    await expect(recordConsent(db, 'st1', { ...YES, refusalRightExplained: false }, 'tu1')).rejects.toThrow();
    await recordConsent(db, 'st1', YES, 'tu1');
    const c = await activeConsent(db, 'st1');
    expect(c).toMatchObject({
      formVersion: 1,
      items: ['성명', '휴대전화번호'],
      refusalRightExplained: true,
      sharePartners: true,
      photoUse: false,
      contactAfter: true,
      method: 'tablet',
      tutorId: 'tu1',
      withdrawnAt: null,
      retentionUntil: inAYear,
    });
    expect(c?.deviceId).toMatch(/^d/);
    expect(c?.purpose).toContain('카카오톡');
    await savePersonalFields(db, 'st1', { merchantName: '김순자', merchantPhone: '010-1234-5678' }, 'tu1');
    expect((await db.stalls.get('st1'))?.merchantName).toBe('김순자');
  });

  it('withdrawal erases the personal fields and keeps the progress', async () => {
    await recordConsent(db, 'st1', YES, 'tu1');
    await savePersonalFields(db, 'st1', { merchantName: '김순자', merchantPhone: '010-1234-5678' }, 'tu1');
    await withdrawConsent(db, 'st1', 'tu1');
    const stall = await db.stalls.get('st1');
    expect(stall).toMatchObject({ merchantName: '', merchantPhone: '', channelOpened: true, friendCount: 12 });
    expect(await activeConsent(db, 'st1')).toBeUndefined();
    const consent = (await db.consents.where('stallId').equals('st1').toArray())[0];
    expect(consent?.withdrawnAt).not.toBeNull();
    await expect(savePersonalFields(db, 'st1', { merchantName: '김순자' }, 'tu1')).rejects.toThrow();
    const queued = (await db.outbox.toArray()).map((e) => e.change);
    expect(queued.at(-1)?.fields).toMatchObject({ merchantName: '', merchantPhone: '' });
  });

  it('purges personal fields after the retention date, not before', async () => {
    await recordConsent(db, 'st1', { ...YES, retentionUntil: localToday() }, 'tu1');
    await savePersonalFields(db, 'st1', { merchantName: '김순자', merchantPhone: '010-1234-5678' }, 'tu1');
    expect(await purgeExpiredPersonalData(db, localToday())).toEqual([]);
    expect((await db.stalls.get('st1'))?.merchantName).toBe('김순자');
    const tomorrow = localToday(new Date(Date.now() + 86_400_000));
    expect(await purgeExpiredPersonalData(db, tomorrow)).toEqual(['st1']);
    expect(await db.stalls.get('st1')).toMatchObject({ merchantName: '', merchantPhone: '', channelOpened: true });
  });
});
