// What only a lead tutor does: add tutors, change a role, deactivate, unlock a locked profile, set the
// auto-lock time. Checked here for a clear message; the server refuses the same changes from a tutor (403).
import type { TutorRole } from '../../../domain';
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

export async function setAutoLockMinutes(db: DangolDb, leadId: string, minutes: number) {
  await assertLead(db, leadId);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 120) {
    throw new ValidationError('Auto-lock is 1 to 120 minutes', '자동 잠금은 1~120분입니다');
  }
  const marketId = await getMeta<string>(db, 'marketId');
  if (!marketId || !(await db.markets.get(marketId))) {
    throw new ValidationError('No market on this tablet yet', '이 태블릿에 시장이 아직 없습니다');
  }
  await mutate(db, { entity: 'market', id: marketId, fields: { autoLockMinutes: minutes }, tutorId: leadId });
}
