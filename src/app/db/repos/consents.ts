// Merchants' consent records and the personal data they allow: record a consent, guard the personal stall
// fields behind it, withdraw (erasing those fields here and, through sync, everywhere), purge after retention.
import { useLiveQuery } from 'dexie-react-hooks';
import {
  CONSENT_FORM_VERSION,
  CONSENT_ITEMS_KO,
  CONSENT_PURPOSE_KO,
  erasedPersonalFields,
  isConsentActive,
  personalDataAllowed,
  setsPersonalData,
} from '../../../domain/consent-rules';
import { timeOrderedUuid, type Consent, type ConsentMethod, type EntityName, type Stall } from '../../../domain';
import { getDb, type DangolDb, type Local } from '../database';
import { ValidationError } from '../errors';
import { ensureDeviceId } from '../meta';
import { mutate, mutateAll, type MutateInput } from '../mutate';

/** Today's local date as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export async function listConsents(db: DangolDb, stallId: string): Promise<Consent[]> {
  return consentsFromRows(await db.consents.where('stallId').equals(stallId).toArray());
}

/** A stall's stored consent rows as listConsents answers them: not deleted, newest first. */
export function consentsFromRows(rows: readonly Local<'consent'>[]): Consent[] {
  return (
    rows
      .filter((c) => !c.deleted)
      .map(({ _clocks: _c, ...c }) => c as Consent)
      // ISO timestamps of one format order the same by code unit: no localeCompare, whose first call builds the
      // page's collator (ICU data) inside the first stall opening after start (bench 4c).
      .sort((a, b) => (a.consentedAt < b.consentedAt ? 1 : a.consentedAt > b.consentedAt ? -1 : 0))
  );
}

export async function activeConsent(db: DangolDb, stallId: string, today = localToday()) {
  return (await listConsents(db, stallId)).find((c) => isConsentActive(c, today));
}

export function useConsents(stallId: string | undefined): Consent[] | undefined {
  return useLiveQuery(() => (stallId ? listConsents(getDb(), stallId) : Promise.resolve([])), [stallId]);
}

export interface ConsentAnswers {
  sharePartners: boolean;
  photoUse: boolean;
  contactAfter: boolean;
  method: ConsentMethod;
  retentionUntil: string;
  refusalRightExplained: boolean;
}

/** Record the merchant's consent (form version, purpose, items, answers, method, time, tutor, device). */
export async function recordConsent(
  db: DangolDb,
  stallId: string,
  answers: ConsentAnswers,
  tutorId: string | null,
): Promise<string> {
  if (!answers.refusalRightExplained) {
    throw new ValidationError('Explain the right to refuse first', '동의를 거부할 권리를 먼저 설명해 주세요');
  }
  if (answers.retentionUntil < localToday()) {
    throw new ValidationError('The retention date is in the past', '보유 기간이 이미 지났습니다');
  }
  const id = `co-${timeOrderedUuid()}`;
  await mutate(db, {
    entity: 'consent',
    id,
    tutorId,
    fields: {
      stallId,
      formVersion: CONSENT_FORM_VERSION,
      purpose: CONSENT_PURPOSE_KO,
      items: [...CONSENT_ITEMS_KO],
      retentionUntil: answers.retentionUntil,
      refusalRightExplained: true,
      sharePartners: answers.sharePartners,
      photoUse: answers.photoUse,
      contactAfter: answers.contactAfter,
      method: answers.method,
      consentedAt: new Date().toISOString(),
      tutorId,
      deviceId: await ensureDeviceId(db),
      withdrawnAt: null,
      deleted: false,
    },
  });
  return id;
}

/** The guard of the write path: throws unless the stall has an active consent when personal data is set. */
export async function assertPersonalDataAllowed(
  db: DangolDb,
  stallId: string | null,
  fields: Record<string, unknown>,
): Promise<void> {
  if (!setsPersonalData(fields)) return;
  const consents = stallId ? await listConsents(db, stallId) : [];
  if (!personalDataAllowed(fields, consents, localToday())) {
    throw new ValidationError(
      "Record the merchant's consent before saving their name or phone",
      '상인 이름·연락처는 개인정보 동의를 받은 뒤에만 저장할 수 있습니다',
    );
  }
}

/** Save a merchant's name and phone, only with an active consent. */
export async function savePersonalFields(
  db: DangolDb,
  stallId: string,
  fields: Partial<Pick<Stall, 'merchantName' | 'merchantPhone'>>,
  tutorId: string | null,
): Promise<void> {
  await assertPersonalDataAllowed(db, stallId, fields);
  await mutate(db, { entity: 'stall', id: stallId, fields, tutorId });
}

/** Withdrawal: every active consent of the stall gets withdrawnAt, and the personal fields are erased. */
export async function withdrawConsent(db: DangolDb, stallId: string, tutorId: string | null): Promise<void> {
  const at = new Date().toISOString();
  const active = (await listConsents(db, stallId)).filter((c) => c.withdrawnAt === null);
  const changes: MutateInput<EntityName>[] = active.map((c): MutateInput<'consent'> => ({
    entity: 'consent',
    id: c.id,
    tutorId,
    fields: { withdrawnAt: at },
  }));
  if (await db.stalls.get(stallId)) {
    const erase: MutateInput<'stall'> = { entity: 'stall', id: stallId, tutorId, fields: erasedPersonalFields() };
    changes.push(erase as MutateInput<EntityName>);
  }
  await mutateAll(db, changes);
}

/** Retention: erase personal fields of stalls whose consent has ended. Resolves to the stalls erased. */
export async function purgeExpiredPersonalData(db: DangolDb, today = localToday()): Promise<string[]> {
  // From the consents: only a stall with consents, none of them active, can have data to erase (data never
  // consented is refused by the write guard). Reading every consent once and then only those stalls replaces one
  // read of all 1,000 stalls plus one transaction per stall, which ran under the first taps after start (4b/4c).
  const byStall = new Map<string, Consent[]>();
  for (const { _clocks: _c, ...c } of await db.consents.toArray()) {
    if (c.deleted) continue;
    const list = byStall.get(c.stallId);
    if (list) list.push(c as Consent);
    else byStall.set(c.stallId, [c as Consent]);
  }
  const ended = [...byStall]
    .filter(([, consents]) => !consents.some((c) => isConsentActive(c, today)))
    .map(([stallId]) => stallId)
    .sort();
  if (ended.length === 0) return [];
  const stalls = await db.stalls.bulkGet(ended);
  const erased: string[] = [];
  for (const stall of stalls) {
    if (!stall || stall.deleted || (stall.merchantName === '' && stall.merchantPhone === '')) continue;
    const erase: MutateInput<'stall'> = {
      entity: 'stall',
      id: stall.id,
      fields: erasedPersonalFields(),
      tutorId: null,
    };
    await mutate(db, erase);
    erased.push(stall.id);
  }
  return erased;
}
