// Applying a pushed batch (SYNC.md 4, 5, 12-16): the whole batch in ONE transaction holding the market's
// lock; each changeId applied at most once (its audit row, written in the same transaction, records it); a
// rejected change is recorded with its answer and the rest goes on; anything unexpected rolls the whole batch
// back.
// Everything the batch may read (its applied changes, records, authors and, when a change sets a merchant's
// personal data, the market's consents) is read up front with one query per table;
// the changes are then applied in order in memory, synchronously (a later change sees an earlier one's
// result), and written together.
import {
  applyChange,
  entityShape,
  type Change,
  type ChangeResult,
  type Consent,
  type PushResponse,
} from '../../domain';
import { personalDataAllowed, seoulDate, setsPersonalData } from '../../domain/consent-rules';
import { HttpError } from '../http/http-error';
import type { MarketTx, Prefetch, RecordKey, Storage, StorageHooks } from '../storage/storage';
import { checkPolicy } from './policy';
import type { PushArrival } from './push-arrivals';

export interface PushContext {
  marketId: string;
  deviceId: string;
}

/** Record a refused change with its answer (same answer on retry), and return that answer. */
function reject(tx: MarketTx, ctx: PushContext, result: ChangeResult): ChangeResult {
  tx.insertRejection({ changeId: result.changeId, marketId: ctx.marketId, deviceId: ctx.deviceId, result });
  return result;
}

function applyOne(tx: MarketTx, hooks: StorageHooks, ctx: PushContext, change: Change): ChangeResult {
  const done = tx.answer(change.changeId);
  if (done) {
    if (done.marketId !== ctx.marketId) throw HttpError.forbidden();
    // Same answer on retry: a rejected change stays rejected; an applied one is reported as a duplicate.
    if (done.status === 'rejected') return done.result as ChangeResult;
    return { ...(done.result as ChangeResult), status: 'duplicate' };
  }
  const current = tx.record(change.entity, change.recordId);
  if (current && current.marketId !== ctx.marketId) throw HttpError.forbidden();

  // A field the entity does not have would pass the (non-strict) schema check and be stored and synced to
  // every tablet as it came: refuse it by name instead (found by tests/hostile).
  const known = entityShape(change.entity);
  let unknown: string | undefined;
  for (const k in change.fields) {
    if (!Object.hasOwn(known, k)) {
      unknown = k;
      break;
    }
  }
  if (unknown !== undefined) {
    return reject(tx, ctx, {
      changeId: change.changeId,
      status: 'rejected',
      code: 'invalid',
      httpStatus: 422,
      reason: `A ${change.entity} has no field "${unknown}"`,
      reasonKo: `${change.entity} 기록에는 "${unknown}" 항목이 없습니다`,
    });
  }

  const verdict = checkPolicy(tx, change, current);
  if (!verdict.ok) {
    return reject(tx, ctx, {
      changeId: change.changeId,
      status: 'rejected',
      code: 'forbidden',
      httpStatus: 403,
      reason: verdict.reason,
      reasonKo: verdict.reasonKo,
    });
  }
  if (!consentCovers(tx, change)) {
    return reject(tx, ctx, {
      changeId: change.changeId,
      status: 'rejected',
      code: 'consent_required',
      httpStatus: 422,
      reason: "The merchant's name and phone may be saved only while their consent is active",
      reasonKo: '상인 이름·연락처는 개인정보 동의가 유효할 때만 저장할 수 있습니다',
    });
  }
  const outcome = applyChange(current, change, ctx.marketId);
  if (outcome.kind === 'rejected') {
    return reject(tx, ctx, {
      changeId: change.changeId,
      status: 'rejected',
      code: 'invalid',
      httpStatus: 422,
      reason: outcome.reason,
      reasonKo: outcome.reasonKo,
    });
  }

  hooks.beforeRecordWrite?.(change.entity, change.recordId);
  const seq = tx.putRecord({ entity: change.entity, id: change.recordId, ...outcome.next });
  const result: ChangeResult = { changeId: change.changeId, status: 'applied' };
  for (const copy of outcome.copies) {
    // A record of another market under the copy's id is refused by the write itself (ForeignRecordError: 403,
    // the batch rolled back), as any write over another market's record is.
    const copyId = String(copy.data.id);
    tx.putRecord({ entity: change.entity, id: copyId, ...copy });
    result.conflictCopyId = copyId;
  }
  // The audit row records the change as applied, once; a retry is answered from it.
  tx.insertAudit({
    changeId: change.changeId,
    seq,
    deviceId: ctx.deviceId,
    tutorId: change.tutorId,
    entity: change.entity,
    recordId: change.recordId,
    op: change.op,
    fields: change.op === 'delete' ? ['deleted'] : Object.keys(change.fields),
    at: change.at,
    conflictCopyId: result.conflictCopyId,
  });
  return result;
}

/** A stall change that gives the merchant's name or phone a value: the consent rule must see the consents. */
const needsConsents = (c: Change) => c.entity === 'stall' && c.op !== 'delete' && setsPersonalData(c.fields);

/**
 * PRODUCT.md 5: a stall's personal fields may get a value only while a consent of that stall is active, on the
 * day the tutor made the change (Korean date; never later than the server's today). The app checks this too;
 * the server decides for the tablet that saved offline after another tablet recorded a withdrawal.
 */
function consentCovers(tx: MarketTx, change: Change): boolean {
  if (!needsConsents(change)) return true;
  const consents = tx
    .list('consent')
    .filter((r) => r.data.stallId === change.recordId)
    .map((r) => ({ ...(r.data as Consent), deleted: r.deleted || r.data.deleted === true }));
  const today = seoulDate(Math.min(Date.parse(change.at), Date.now()));
  return personalDataAllowed(change.fields, consents, today);
}

/** Everything applying `changes` may read: their records, authors, answers and, when needed, the consents. */
function readsOf(changes: readonly Change[], after: string | undefined): Prefetch {
  const records: RecordKey[] = [];
  const tutors = new Set<string>();
  let consents = false;
  for (const c of changes) {
    records.push({ entity: c.entity, id: c.recordId });
    if (c.tutorId !== null) tutors.add(c.tutorId);
    consents ||= needsConsents(c);
  }
  for (const id of tutors) records.push({ entity: 'tutor', id });
  const changeIds = changes.map((c) => c.changeId);
  if (after !== undefined) changeIds.push(after);
  return { records, changeIds, lists: consents ? ['consent'] : [] };
}

/**
 * `after`: the change the tablet sent last before this push (SYNC.md 3 with two pushes in flight): unless it is
 * answered — applied or rejected, by this market's transactions so far — nothing is applied (409 out_of_order).
 * `arrival`: this push among the market's pushes open in this process (push-arrivals.ts): while other pushes of
 * the market are still to be answered, an unanswered `after` waits for them instead of being refused.
 */
export async function pushChanges(
  storage: Storage,
  ctx: PushContext,
  changes: Change[],
  after?: string,
  arrival?: PushArrival,
): Promise<PushResponse> {
  for (;;) {
    try {
      return await storage.inMarketTx(ctx.marketId, async (tx) => {
        await tx.prefetch(readsOf(changes, after));
        if (after !== undefined && tx.answer(after)?.marketId !== ctx.marketId) throw HttpError.outOfOrder();
        const results: ChangeResult[] = [];
        for (const change of changes) results.push(applyOne(tx, storage.hooks, ctx, change));
        return { results, serverSeq: tx.currentSeq() };
      });
    } catch (err) {
      // Nothing was applied (the transaction rolled back): decide again once another open push is answered.
      const early = err instanceof HttpError && err.code === 'out_of_order';
      if (!early || !arrival || !(await arrival.waitForOthers())) throw err;
    }
  }
}
