// Applying a pushed batch (SYNC.md 4, 5, 12-16): the whole batch in ONE transaction holding the market's
// lock; each changeId applied at most once (its audit row, written in the same transaction, records it); a
// rejected change is recorded with its answer and the rest goes on; anything unexpected rolls the whole batch
// back.
// The batch's applied changes, records and authors are read up front with one query per table; the changes
// are then applied in order in memory (a later change sees an earlier one's result) and written together.
import {
  applyChange,
  ENTITY_SCHEMAS,
  type Change,
  type ChangeResult,
  type Consent,
  type PushResponse,
} from '../../domain';
import { personalDataAllowed, seoulDate, setsPersonalData } from '../../domain/consent-rules';
import { HttpError } from '../http/http-error';
import type { MarketTx, RecordKey, Storage } from '../storage/storage';
import { checkPolicy } from './policy';

export interface PushContext {
  marketId: string;
  deviceId: string;
}

/** Record a refused change with its answer (same answer on retry), and return that answer. */
async function reject(tx: MarketTx, ctx: PushContext, result: ChangeResult): Promise<ChangeResult> {
  await tx.insertRejection({ changeId: result.changeId, marketId: ctx.marketId, deviceId: ctx.deviceId, result });
  return result;
}

async function applyOne(tx: MarketTx, storage: Storage, ctx: PushContext, change: Change): Promise<ChangeResult> {
  const done = await tx.getAppliedChange(change.changeId);
  if (done) {
    if (done.marketId !== ctx.marketId) throw HttpError.forbidden();
    // Same answer on retry: a rejected change stays rejected; an applied one is reported as a duplicate.
    if (done.status === 'rejected') return done.result as ChangeResult;
    return { ...(done.result as ChangeResult), status: 'duplicate' };
  }
  const current = await tx.getRecord(change.entity, change.recordId);
  if (current && current.marketId !== ctx.marketId) throw HttpError.forbidden();

  // A field the entity does not have would pass the (non-strict) schema check and be stored and synced to
  // every tablet as it came: refuse it by name instead (found by tests/hostile).
  const known = ENTITY_SCHEMAS[change.entity].shape as Record<string, unknown>;
  const unknown = Object.keys(change.fields).find((k) => !Object.hasOwn(known, k));
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

  const verdict = await checkPolicy(tx, change, current);
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
  if (!(await consentCovers(tx, change))) {
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

  // Awaited only when a test set it: an `await undefined` per change is a microtask for nothing.
  const hook = storage.hooks.beforeRecordWrite;
  if (hook) await hook(change.entity, change.recordId);
  const seq = await tx.putRecord({ entity: change.entity, id: change.recordId, ...outcome.next });
  const result: ChangeResult = { changeId: change.changeId, status: 'applied' };
  for (const copy of outcome.copies) {
    const copyId = String(copy.data.id);
    const clash = await tx.getRecord(change.entity, copyId);
    if (clash && clash.marketId !== ctx.marketId) throw HttpError.forbidden();
    await tx.putRecord({ entity: change.entity, id: copyId, ...copy });
    result.conflictCopyId = copyId;
  }
  // The audit row records the change as applied, once; a retry is answered from it.
  await tx.insertAudit({
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

/**
 * PRODUCT.md 5: a stall's personal fields may get a value only while a consent of that stall is active, on the
 * day the tutor made the change (Korean date; never later than the server's today). The app checks this too;
 * the server decides for the tablet that saved offline after another tablet recorded a withdrawal.
 */
async function consentCovers(tx: MarketTx, change: Change): Promise<boolean> {
  if (change.entity !== 'stall' || change.op === 'delete' || !setsPersonalData(change.fields)) return true;
  const consents = (await tx.listRecords('consent'))
    .filter((r) => r.data.stallId === change.recordId)
    .map((r) => ({ ...(r.data as Consent), deleted: r.deleted || r.data.deleted === true }));
  const today = seoulDate(Math.min(Date.parse(change.at), Date.now()));
  return personalDataAllowed(change.fields, consents, today);
}

export async function pushChanges(storage: Storage, ctx: PushContext, changes: Change[]): Promise<PushResponse> {
  return storage.inMarketTx(ctx.marketId, async (tx) => {
    const records: RecordKey[] = changes.map((c) => ({ entity: c.entity, id: c.recordId }));
    for (const c of changes) if (c.tutorId !== null) records.push({ entity: 'tutor', id: c.tutorId });
    await tx.prefetch({ records, changeIds: changes.map((c) => c.changeId) });
    const results: ChangeResult[] = [];
    for (const change of changes) results.push(await applyOne(tx, storage, ctx, change));
    return { results, serverSeq: await tx.currentSeq() };
  });
}
