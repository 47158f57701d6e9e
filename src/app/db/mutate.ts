// The one write path (SYNC.md 1): every change a tutor makes is written to its table AND to the outbox
// in ONE Dexie transaction, after the same domain rules the server applies. Either both land or neither.
import {
  applyChange,
  formatHlc,
  noteTextClock,
  tickHlc,
  timeOrderedUuid,
  type Change,
  type EntityName,
  type EntityTypes,
  type HlcState,
  type Hlc,
} from '../../domain';
import { TABLE_OF, type DangolDb, type Local } from './database';
import { ValidationError } from './errors';
import { ensureDeviceId, getMeta, setMeta } from './meta';

export interface MutateInput<E extends EntityName> {
  entity: E;
  id: string;
  op?: 'put' | 'delete';
  /** Only the fields to set. updatedAt/updatedBy are added here. */
  fields?: Partial<Omit<EntityTypes[E], 'id' | 'marketId' | 'updatedAt' | 'updatedBy'>>;
  /** Notes: the text clock the editor opened (see noteTextClock). Defaults to the clock held now. */
  base?: Hlc | null;
  /** The tutor making the change (authorship). */
  tutorId?: string | null;
  /** Market of the record; defaults to the tablet's current market. */
  marketId?: string;
}

export function toVersioned<E extends EntityName>(row: Local<E> | undefined) {
  if (!row) return undefined;
  const { _clocks, ...data } = row;
  return { data: data as Record<string, unknown>, clocks: _clocks };
}

/** Write one change. Resolves to the record as now held; throws ValidationError and writes nothing on bad input. */
export async function mutate<E extends EntityName>(db: DangolDb, input: MutateInput<E>): Promise<Local<E>> {
  const deviceId = await ensureDeviceId(db);
  const table = db.table(TABLE_OF[input.entity]);
  return db.transaction('rw', [table, db.outbox, db.meta], async () => {
    const marketId = input.marketId ?? (await getMeta<string>(db, 'marketId'));
    if (!marketId) throw new ValidationError('No market on this tablet yet', '이 태블릿에 시장이 아직 없습니다');
    const tutorId = input.tutorId === undefined ? ((await getMeta<string>(db, 'tutorId')) ?? null) : input.tutorId;
    const prevClock = (await getMeta<HlcState>(db, 'hlc')) ?? { wall: 0, counter: 0 };
    const state = tickHlc(prevClock, Date.now());
    await setMeta(db, 'hlc', state);
    const clock = formatHlc(state, deviceId);
    const current = toVersioned<E>((await table.get(input.id)) as Local<E> | undefined);
    const at = new Date().toISOString();
    const change: Change = {
      changeId: timeOrderedUuid(),
      entity: input.entity,
      recordId: input.id,
      op: input.op ?? 'put',
      fields: input.op === 'delete' ? {} : { ...(input.fields ?? {}), updatedAt: at, updatedBy: tutorId },
      clock,
      base: input.entity === 'note' ? (input.base !== undefined ? input.base : noteTextClock(current)) : null,
      tutorId,
      at,
    };
    const result = applyChange(current, change, marketId);
    if (result.kind === 'rejected') throw new ValidationError(result.reason, result.reasonKo);
    const row = { ...result.next.data, _clocks: result.next.clocks } as Local<E>;
    await table.put(row);
    for (const copy of result.copies) await table.put({ ...copy.data, _clocks: copy.clocks });
    const prev: Record<string, unknown> = {};
    const touched = change.op === 'delete' ? ['deleted', 'updatedAt', 'updatedBy'] : Object.keys(change.fields);
    for (const k of touched) prev[k] = current ? current.data[k] : undefined;
    await db.outbox.add({
      changeId: change.changeId,
      entity: input.entity,
      recordId: input.id,
      change,
      prev,
      attempts: 0,
      lastError: null,
    });
    return row;
  });
}

/** Several changes that must land together (e.g. a step and its history event). */
export async function mutateAll(db: DangolDb, inputs: MutateInput<EntityName>[]): Promise<void> {
  const tables = [...new Set(inputs.map((i) => db.table(TABLE_OF[i.entity])))];
  await db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
    for (const input of inputs) await mutate(db, input);
  });
}
