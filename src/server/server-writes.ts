// Records the server writes itself (admin commands, demo seed): validated against the shared schema,
// stamped with server clocks, given market seqs and an audit row, so they sync to tablets like any change.
import { ENTITY_SCHEMAS, timeOrderedUuid, type EntityName, type EntityTypes } from '../domain';
import { clocksFor, serverClock } from './server-clock';
import type { MarketTx, Storage } from './storage/storage';

export class AdminError extends Error {
  constructor(
    message: string,
    readonly messageKo: string,
  ) {
    super(message);
    this.name = 'AdminError';
  }
}

export interface ServerRecord<E extends EntityName = EntityName> {
  entity: E;
  data: EntityTypes[E];
}

/** Parse with the entity's schema; a bad value is an AdminError naming the field. */
export function checkRecord<E extends EntityName>(entity: E, data: unknown): EntityTypes[E] {
  const parsed = ENTITY_SCHEMAS[entity].safeParse(data);
  if (parsed.success) return parsed.data as EntityTypes[E];
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') ?? '';
  throw new AdminError(
    `Invalid ${entity}: ${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}`,
    `${entity} 값이 올바르지 않습니다: ${where ? `${where}: ` : ''}${issue?.message ?? ''}`,
  );
}

function writeOne(tx: MarketTx, rec: ServerRecord): number {
  const clock = serverClock();
  const data = rec.data as unknown as Record<string, unknown>;
  const seq = tx.putRecord({ entity: rec.entity, id: String(data.id), data, clocks: clocksFor(data, clock) });
  tx.insertAudit({
    changeId: timeOrderedUuid(),
    seq,
    deviceId: null,
    tutorId: null,
    entity: rec.entity,
    recordId: String(data.id),
    op: 'put',
    fields: Object.keys(data),
    at: new Date().toISOString(),
  });
  return seq;
}

/** Write records of one market in one transaction (all or nothing). */
export async function writeServerRecords(storage: Storage, marketId: string, records: ServerRecord[]): Promise<void> {
  await storage.initMarket(marketId);
  await storage.inMarketTx(marketId, (tx) => {
    for (const rec of records) writeOne(tx, rec);
  });
}
