// The properties checked after every harness run (SYNC.md): nothing a tablet committed is lost (it is on
// the server or in that tablet's "needs attention"), nothing is applied twice, tablets and server hold the
// same records, no note text vanishes unless a tutor saw it and replaced or deleted it, tombstones win.
import type { Storage } from '../../src/server/storage/storage';
import type { RunningServer } from '../../src/server/start';
import { serverSnapshot, tabletSnapshot } from '../integration/tablets';
import type { Device } from './device';
import type { NoteLog } from './operations';

export interface Violations {
  /** Committed locally, yet neither applied on the server nor in the tablet's needs attention. */
  lost: string[];
  /** changeIds with more than one audit row, or both applied (an audit row) and rejected. */
  duplicates: string[];
  /** Tablets whose records differ from the server's, with the first differing key. */
  diverged: string[];
  /** Note texts found nowhere and never replaced or deleted by a tutor who saw them. */
  textsLost: string[];
  /** Records deleted by an applied change that are not deleted on the server. */
  revived: string[];
}

export interface InvariantReport {
  violations: Violations;
  committed: number;
  applied: number;
  needsAttention: number;
}

export function countViolations(v: Violations): number {
  return Object.values(v).reduce((n, list: string[]) => n + list.length, 0);
}

function firstDifference(a: Record<string, unknown>, b: Record<string, unknown>): string | null {
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) return k;
  }
  return null;
}

export async function checkInvariants(
  storage: Storage,
  marketId: string,
  devices: readonly Device[],
  log: NoteLog,
): Promise<InvariantReport> {
  const v: Violations = { lost: [], duplicates: [], diverged: [], textsLost: [], revived: [] };
  // An applied change is recorded in applied_ids with one audit-trail entry, a rejected one in applied_changes
  // (migrations 0002, 0003).
  const appliedRows = await storage.dumpTable('applied_changes');
  const status = new Map(appliedRows.map((r) => [String(r.change_id), String(r.status)]));
  const trail = await storage.auditTrail(marketId);
  const perChange = new Map<string, number>();
  for (const e of trail) perChange.set(e.changeId, (perChange.get(e.changeId) ?? 0) + 1);
  for (const [id, n] of perChange) if (n !== 1) v.duplicates.push(`${id} (audit entries ${n})`);
  const appliedIds = (await storage.dumpTable('applied_ids')).filter((r) => r.market_id === marketId);
  for (const r of appliedIds) {
    if (!perChange.has(String(r.change_id))) v.duplicates.push(`${String(r.change_id)} (applied, no audit entry)`);
  }
  if (appliedIds.length !== perChange.size)
    v.duplicates.push(`applied_ids ${appliedIds.length} vs audit ${perChange.size}`);
  for (const id of perChange.keys()) {
    if (status.get(id) === 'rejected') v.duplicates.push(`${id} (rejected, yet it has an audit row)`);
    else status.set(id, 'applied');
  }
  const fromTablets = new Set(devices.flatMap((d) => d.committed));
  for (const [id, s] of status) {
    // A tablet's change is applied with exactly one audit row, or rejected with none.
    const n = perChange.get(id) ?? 0;
    if (fromTablets.has(id) && (s === 'applied' ? n !== 1 : n !== 0)) v.duplicates.push(`${id} (${s}, audit ${n})`);
  }

  let committed = 0;
  let needsAttention = 0;
  for (const d of devices) {
    const rejected = new Set((await d.db.rejected.toArray()).map((e) => e.changeId));
    needsAttention += rejected.size;
    for (const id of d.committed) {
      committed += 1;
      const s = status.get(id);
      if (s === 'applied' && perChange.get(id) === 1) continue;
      if (rejected.has(id)) continue;
      v.lost.push(`${d.name}:${id} (server: ${s ?? 'absent'})`);
    }
  }

  const server = await serverSnapshot({ storage } as RunningServer, marketId);
  for (const d of devices) {
    const mine = await tabletSnapshot(d.db);
    const diff = firstDifference(mine, server);
    if (diff) v.diverged.push(`${d.name}: ${diff}`);
  }

  const liveTexts = new Set<string>();
  for (const [key, rec] of Object.entries(server)) {
    const note = rec as { deleted?: boolean; taught?: string };
    if (key.startsWith('note:') && note.deleted !== true && typeof note.taught === 'string') liveTexts.add(note.taught);
  }
  const seen = new Set<string>();
  for (const s of log.saved) if (s.saw !== null) seen.add(s.saw);
  for (const del of log.deleted) if (del.saw !== null) seen.add(del.saw);
  for (const s of log.saved) {
    if (!liveTexts.has(s.text) && !seen.has(s.text)) v.textsLost.push(`${s.device}: "${s.text}" (note ${s.noteId})`);
  }

  for (const t of log.tombstones) {
    if (status.get(t.changeId) !== 'applied') continue;
    const rec = server[t.key] as { deleted?: boolean } | undefined;
    if (rec?.deleted !== true) v.revived.push(t.key);
  }
  return {
    violations: v,
    committed,
    applied: [...status.values()].filter((s) => s === 'applied').length,
    needsAttention,
  };
}
