// Test seed for the shared-tablet tests: a market and tutors written through the real mutate path.
import type { DangolDb } from '../../src/app/db/database';
import { mutate } from '../../src/app/db/mutate';
import { hashPin } from '../../src/app/db/repos/tutor-auth';
import { recordConsent, savePersonalFields } from '../../src/app/db/repos/consents';
import type { TutorRole } from '../../src/domain';
import { freshDb } from '../support/render-app';

/** Low iteration count so tests stay quick; the app uses PIN_ITERATIONS. */
export const TEST_ITERATIONS = 1000;

export async function seedMarket(db: DangolDb, marketId = 'm-test', autoLockMinutes = 5) {
  await mutate(db, {
    entity: 'market',
    id: marketId,
    marketId,
    tutorId: null,
    fields: {
      name: '망원시장',
      type: '골목형',
      schedule: '상설',
      address: '서울 마포구',
      demo: false,
      autoLockMinutes,
      deleted: false,
    },
  });
}

/** A fresh tablet (the app's database) with the test market, lead 김리드 (PIN 9999) and tutor 박튜터 (PIN 2468). */
export async function freshMarketWithLeadAndTutor(): Promise<DangolDb> {
  const db = await freshDb({ marketId: 'm-test' });
  await seedMarket(db);
  await seedTutor(db, 'lead1', '김리드', { role: 'lead', pin: '9999' });
  await seedTutor(db, 'tu1', '박튜터', { pin: '2468' });
  return db;
}

export async function seedTutor(
  db: DangolDb,
  id: string,
  name: string,
  opts: { role?: TutorRole; pin?: string | null; marketId?: string } = {},
) {
  const pin = opts.pin === undefined ? '1234' : opts.pin;
  const record = pin ? await hashPin(pin, TEST_ITERATIONS) : { pinHash: null, pinSalt: null, pinIterations: 0 };
  await mutate(db, {
    entity: 'tutor',
    id,
    tutorId: null,
    ...(opts.marketId ? { marketId: opts.marketId } : {}),
    fields: { name, role: opts.role ?? 'tutor', active: true, locked: false, deleted: false, ...record },
  });
}

/** Record a merchant's consent, then save their personal fields (personal data needs a consent on record). */
export async function consentAndSavePersonal(
  db: DangolDb,
  stallId: string,
  fields: { merchantName?: string; merchantPhone?: string },
  tutorId: string | null,
) {
  await recordConsent(
    db,
    stallId,
    {
      sharePartners: false,
      photoUse: false,
      contactAfter: false,
      method: 'tablet',
      retentionUntil: '2099-12-31',
      refusalRightExplained: true,
    },
    tutorId,
  );
  await savePersonalFields(db, stallId, fields, tutorId);
}
