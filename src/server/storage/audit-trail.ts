// The audit trail's stored form (migration 0003): one audit_batches row per applied batch of one device, its
// entries in one JSON array of arrays (a tenth of the bytes and statements of a 12-column row per change).
// Entry order: change id, seq, tutor, entity, record id, op, field names, at, conflict copy id.
import type { EntityName } from '../../domain';
import type { AuditBatchesTable } from './schema';
import type { AuditEntry, AuditRow } from './storage';

type StoredEntry = [string, number, string | null, string, string, string, string[], string, string | null];

const toStored = (r: AuditRow): StoredEntry => [
  r.changeId,
  r.seq,
  r.tutorId,
  r.entity,
  r.recordId,
  r.op,
  r.fields,
  r.at,
  r.conflictCopyId ?? null,
];

/** One row per device among `rows` (a push has one; the server's own writes have none). */
export function auditBatches(marketId: string, receivedAt: string, rows: readonly AuditRow[]): AuditBatchesTable[] {
  const byDevice = new Map<string | null, AuditRow[]>();
  for (const r of rows) {
    const list = byDevice.get(r.deviceId);
    if (list) list.push(r);
    else byDevice.set(r.deviceId, [r]);
  }
  return [...byDevice].map(([deviceId, list]) => {
    let first = Infinity;
    let last = -Infinity;
    for (const r of list) {
      if (r.seq < first) first = r.seq;
      if (r.seq > last) last = r.seq;
    }
    return {
      market_id: marketId,
      first_seq: first,
      last_seq: last,
      device_id: deviceId,
      received_at: receivedAt,
      changes: JSON.stringify(list.map(toStored)),
    };
  });
}

/** The entries of stored batches, one per applied change, in seq order. */
export function auditEntries(rows: readonly AuditBatchesTable[]): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const row of rows) {
    for (const e of JSON.parse(row.changes) as StoredEntry[]) {
      out.push({
        changeId: e[0],
        seq: Number(e[1]),
        deviceId: row.device_id,
        tutorId: e[2],
        entity: e[3] as EntityName,
        recordId: e[4],
        op: e[5] as AuditEntry['op'],
        fields: e[6],
        at: e[7],
        receivedAt: row.received_at,
        ...(e[8] === null ? {} : { conflictCopyId: e[8] }),
      });
    }
  }
  return out.sort((a, b) => a.seq - b.seq);
}
