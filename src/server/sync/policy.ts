// Who may change what, enforced on the server (issue 4.7): managing tutors and the market is for an active
// lead of the device's market. Exceptions: a tutor sets their OWN PIN; anyone may lock a profile (lock-out
// after wrong PINs). A change signed by someone who is not a tutor of this market is refused.
import type { Change, Tutor } from '../../domain';
import type { MarketTx, StoredRecord } from '../storage/storage';

export type PolicyVerdict = { ok: true } | { ok: false; reason: string; reasonKo: string };

const OK: PolicyVerdict = { ok: true };
const PIN_FIELDS = new Set(['pinHash', 'pinSalt', 'pinIterations']);
/** Stamped by the mutate path on every change; never decide anything by themselves. */
const BOOKKEEPING = new Set(['updatedAt', 'updatedBy']);

function refuse(reason: string, reasonKo: string): PolicyVerdict {
  return { ok: false, reason, reasonKo };
}

const LEAD_ONLY = refuse('Only a lead tutor of this market may do this', '이 시장의 리드 튜터만 할 수 있습니다');

function isActiveLead(t: StoredRecord | undefined): boolean {
  const tutor = t?.data as Partial<Tutor> | undefined;
  return !!tutor && !t?.deleted && tutor.role === 'lead' && tutor.active === true;
}

/** True when every field the change sets is allowed without a lead. */
function tutorChangeAllowedWithoutLead(change: Change, current: StoredRecord | undefined): boolean {
  if (change.op === 'delete' || !current) return false;
  for (const [field, value] of Object.entries(change.fields)) {
    if (BOOKKEEPING.has(field)) continue;
    if (field === 'locked' && value === true) continue;
    if (PIN_FIELDS.has(field) && change.tutorId !== null && change.recordId === change.tutorId) continue;
    return false;
  }
  return true;
}

/** `tx` must have prefetched the change's tutor (pushChanges does). */
export function checkPolicy(tx: MarketTx, change: Change, current: StoredRecord | undefined): PolicyVerdict {
  const author = change.tutorId === null ? undefined : tx.record('tutor', change.tutorId);
  if (change.tutorId !== null && (!author || author.marketId !== tx.marketId || author.deleted)) {
    return refuse(
      `Tutor "${change.tutorId}" is not a tutor of this market`,
      `"${change.tutorId}"은(는) 이 시장의 튜터가 아닙니다`,
    );
  }
  if (change.entity === 'market') {
    if (change.recordId !== tx.marketId) {
      return refuse('A tablet may change only its own market', '태블릿은 자기 시장만 바꿀 수 있습니다');
    }
    return isActiveLead(author) ? OK : LEAD_ONLY;
  }
  if (change.entity === 'tutor') {
    if (tutorChangeAllowedWithoutLead(change, current)) return OK;
    return isActiveLead(author) ? OK : LEAD_ONLY;
  }
  return OK;
}
