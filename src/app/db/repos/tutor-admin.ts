// What only a lead tutor does: add tutors, change a role, deactivate, unlock a locked profile, set the
// auto-lock time and the market's schedule. Checked here for a clear message; the server refuses the same
// changes from a tutor (403).
import { MARKET_DAYS, MARKET_SCHEDULES, type MarketDays, type MarketSchedule, type TutorRole } from '../../../domain';
import type { DangolDb } from '../database';
import { ValidationError } from '../errors';
import { getMeta } from '../meta';
import { mutate } from '../mutate';
import { assertLead, clearFailures } from './tutor-auth';

export async function addTutor(
  db: DangolDb,
  leadId: string,
  input: { name: string; role: TutorRole },
): Promise<string> {
  await assertLead(db, leadId);
  const id = `tu-${crypto.randomUUID()}`;
  await mutate(db, {
    entity: 'tutor',
    id,
    tutorId: leadId,
    fields: {
      name: input.name,
      role: input.role,
      active: true,
      pinHash: null,
      pinSalt: null,
      pinIterations: 0,
      locked: false,
      deleted: false,
    },
  });
  return id;
}

export async function setTutorRole(db: DangolDb, leadId: string, tutorId: string, role: TutorRole) {
  await assertLead(db, leadId);
  if (tutorId === leadId && role !== 'lead') {
    throw new ValidationError('A lead cannot demote themselves', '리드 튜터는 자기 역할을 내릴 수 없습니다');
  }
  await mutate(db, { entity: 'tutor', id: tutorId, fields: { role }, tutorId: leadId });
}

export async function setTutorActive(db: DangolDb, leadId: string, tutorId: string, active: boolean) {
  await assertLead(db, leadId);
  if (tutorId === leadId && !active) {
    throw new ValidationError('A lead cannot deactivate themselves', '리드 튜터는 자기 자신을 끌 수 없습니다');
  }
  await mutate(db, { entity: 'tutor', id: tutorId, fields: { active }, tutorId: leadId });
}

export async function unlockTutor(db: DangolDb, leadId: string, tutorId: string) {
  await assertLead(db, leadId);
  await mutate(db, { entity: 'tutor', id: tutorId, fields: { locked: false }, tutorId: leadId });
  await clearFailures(db, tutorId);
}

async function tabletMarketId(db: DangolDb): Promise<string> {
  const marketId = await getMeta<string>(db, 'marketId');
  if (!marketId || !(await db.markets.get(marketId))) {
    throw new ValidationError('No market on this tablet yet', '이 태블릿에 시장이 아직 없습니다');
  }
  return marketId;
}

export async function setAutoLockMinutes(db: DangolDb, leadId: string, minutes: number) {
  await assertLead(db, leadId);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 120) {
    throw new ValidationError('Auto-lock is 1 to 120 minutes', '자동 잠금은 1~120분입니다');
  }
  const marketId = await tabletMarketId(db);
  await mutate(db, { entity: 'market', id: marketId, fields: { autoLockMinutes: minutes }, tutorId: leadId });
}

/**
 * The market's schedule: daily (상설, no market days) or a 5일장 on one pair of dates (e.g. 2·7). Both fields
 * in one change, so no tablet ever holds a 5일장 with another market's days half-applied.
 */
export async function setMarketSchedule(db: DangolDb, leadId: string, schedule: string, marketDays: string) {
  await assertLead(db, leadId);
  const kind: MarketSchedule | undefined = MARKET_SCHEDULES.find((s) => s === schedule);
  if (kind === undefined) {
    throw new ValidationError('A market is daily (상설) or a 5일장', '시장은 상설 또는 5일장입니다');
  }
  const days: MarketDays | '' | undefined = kind === '상설' ? '' : MARKET_DAYS.find((d) => d === marketDays);
  if (days === undefined) {
    throw new ValidationError(
      'Choose the market days of a 5일장 (1·6, 2·7, 3·8, 4·9 or 5·10)',
      '5일장은 장날을 골라 주세요 (1·6, 2·7, 3·8, 4·9, 5·10일)',
    );
  }
  const marketId = await tabletMarketId(db);
  await mutate(db, {
    entity: 'market',
    id: marketId,
    fields: { schedule: kind, marketDays: days },
    tutorId: leadId,
  });
}
