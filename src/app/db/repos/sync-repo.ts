// The Dexie reads and writes sync needs beyond `mutate`: the outbox head, applying push results and pulled
// pages (each in ONE transaction, SYNC.md 9-10), the "needs attention" list (retry, discard, roll back),
// enrollment credentials and the counts a tutor sees. Only this module and mutate touch the sync tables.
import {
  compareHlc,
  mergeVersioned,
  NOTE_TEXT_FIELDS,
  parseHlc,
  receiveHlc,
  type ChangeResult,
  type Hlc,
  type HlcState,
  type WireRecord,
} from '../../../domain';
import { TABLE_OF, type DangolDb, type Local, type OutboxEntry, type RejectedEntry } from '../database';
import { getMeta, setMeta } from '../meta';
import { toVersioned } from '../mutate';
import { pendingFields, readOutboxEpoch } from '../outbox';

/** A rejected entry as stored: the server's machine code is kept beside its reason. */
export type NeedsAttentionEntry = RejectedEntry & { code?: string };

const ENTITY_TABLES = Object.values(TABLE_OF);

/** The oldest queued changes as read for one push, with the outbox's epoch at that moment. */
export interface OutboxHead {
  entries: OutboxEntry[];
  epoch: number;
}

/**
 * The oldest `limit` queued changes, strictly in seq order (SYNC.md 3); with `afterSeq`, the oldest after that
 * seq (the next batch, read while the batch up to `afterSeq` is still in flight).
 */
export function readOutboxHead(db: DangolDb, limit: number, afterSeq?: number): Promise<OutboxHead> {
  return db.transaction('r', db.outbox, db.meta, async () => ({
    entries: await (afterSeq === undefined ? db.outbox.orderBy('seq') : db.outbox.where(':id').above(afterSeq))
      .limit(limit)
      .toArray(),
    epoch: await readOutboxEpoch(db),
  }));
}

export interface Rejection {
  changeId: string;
  reason: string;
  reasonKo: string;
  code: string;
}

/**
 * Apply one push response in one transaction: applied/duplicate entries leave the queue, rejected ones
 * move to "needs attention" with the server's reason. Returns how many entries it accounted for.
 */
export async function applyPushResults(
  db: DangolDb,
  results: readonly ChangeResult[],
  nowIso: string,
  sent?: OutboxHead,
): Promise<{ done: number; rejected: number }> {
  let done = 0;
  let rejected = 0;
  await db.transaction('rw', [db.outbox, db.rejected, db.notes, db.meta], async () => {
    // The entries just sent are the head of the outbox: one contiguous seq range (a new change always gets a
    // higher seq). When every entry in the range was answered they leave with ONE range delete (bench: a
    // bulkGet + bulkDelete of 500 keys is 1,000 IndexedDB requests, ≈ 380 ms of a 10,000-change drain in
    // fake-indexeddb; per-entry reads and deletes were slower still, anyOf() slowest).
    // An entry is matched by changeId, so whatever else sits at those seqs (a restored backup) is never taken
    // for it. While the outbox's epoch is unchanged nothing else can sit there, and only the range's keys are
    // read (bench: re-reading 10,000 entries was ≈ 65-150 ms of a drain, their keys ≈ 7 ms); otherwise the
    // range is re-read whole. The changeId index is used only for results that were not sent in this batch.
    const entries = sent?.entries ?? [];
    const seqs = entries.flatMap((e) => (e.seq === undefined ? [] : [e.seq]));
    const lo = seqs.length > 0 ? Math.min(...seqs) : undefined;
    const hi = seqs.length > 0 ? Math.max(...seqs) : undefined;
    const range = () => db.outbox.where(':id').between(lo, hi, true, true);
    let inRange: OutboxEntry[] = [];
    if (lo !== undefined && hi !== undefined) {
      const sameEpoch = sent !== undefined && (await readOutboxEpoch(db)) === sent.epoch;
      const present = sameEpoch ? new Set(await range().primaryKeys()) : null;
      const kept = present ? entries.filter((e) => present.has(e.seq!)) : [];
      inRange = present && kept.length === present.size ? kept : await range().toArray();
    }
    const byChange = new Map(inRange.map((e) => [e.changeId, e]));
    const other = results.filter((r) => !byChange.has(r.changeId));
    for (const e of await Promise.all(other.map((r) => db.outbox.where('changeId').equals(r.changeId).first()))) {
      if (e) byChange.set(e.changeId, e);
    }
    const leaving: number[] = [];
    const answered = new Set<number>();
    for (const r of results) {
      const entry = byChange.get(r.changeId);
      if (!entry || entry.seq === undefined || answered.has(entry.seq)) continue;
      answered.add(entry.seq);
      if (r.conflictCopyId && entry.entity === 'note') await yieldNoteText(db, entry);
      if (r.status === 'rejected') {
        await moveToRejected(
          db,
          entry,
          {
            changeId: r.changeId,
            reason: r.reason ?? 'Rejected by the server',
            reasonKo: r.reasonKo ?? r.reason ?? '서버가 이 변경을 받지 않았습니다',
            code: r.code ?? 'rejected',
          },
          nowIso,
        );
        rejected += 1;
      } else {
        leaving.push(entry.seq);
        done += 1;
      }
    }
    const wholeRange = lo !== undefined && hi !== undefined && inRange.every((e) => answered.has(e.seq!));
    if (wholeRange) {
      await range().delete();
      await db.outbox.bulkDelete(leaving.filter((seq) => seq < lo || seq > hi));
    } else {
      await db.outbox.bulkDelete(leaving);
    }
  });
  return { done, rejected };
}

/**
 * The server kept this tablet's note text as a conflict copy, not in the note itself: stop claiming the
 * note's text fields with this change's clock, so the next pull shows the text the server holds there.
 */
async function yieldNoteText(db: DangolDb, entry: OutboxEntry): Promise<void> {
  const row = await db.notes.get(entry.recordId);
  if (!row) return;
  const clocks = { ...row._clocks };
  let changed = false;
  for (const f of NOTE_TEXT_FIELDS) {
    if (clocks[f] === entry.change.clock) {
      delete clocks[f];
      changed = true;
    }
  }
  if (changed) await db.notes.put({ ...row, _clocks: clocks });
}

/** Move one queued change to "needs attention" (one transaction with the caller or its own). */
export async function rejectEntry(db: DangolDb, rejection: Rejection, nowIso: string): Promise<void> {
  await db.transaction('rw', db.outbox, db.rejected, async () => {
    const entry = await db.outbox.where('changeId').equals(rejection.changeId).first();
    if (entry) await moveToRejected(db, entry, rejection, nowIso);
  });
}

async function moveToRejected(db: DangolDb, entry: OutboxEntry, r: Rejection, nowIso: string) {
  const { seq, ...rest } = entry;
  const row: NeedsAttentionEntry = {
    ...rest,
    reason: r.reason,
    reasonKo: r.reasonKo,
    code: r.code,
    rejectedAt: nowIso,
    lastError: r.reason,
  };
  await db.rejected.add(row);
  if (seq !== undefined) await db.outbox.delete(seq);
}

/** Note a failed attempt on the head entries (shown on the status screen; nothing else changes). */
export async function markAttempt(db: DangolDb, seqs: readonly number[], error: string): Promise<void> {
  await db.outbox
    .where('seq')
    .anyOf([...seqs])
    .modify((e) => {
      e.attempts += 1;
      e.lastError = error;
    });
}

function maxClock(records: readonly WireRecord[]): Hlc | undefined {
  let best: Hlc | undefined;
  for (const r of records) for (const c of Object.values(r.clocks)) if (compareHlc(c, best) > 0) best = c;
  return best;
}

/**
 * Apply one pulled page in ONE transaction: merge every record (fields still queued locally keep their
 * local value: read-your-writes), advance the local clock past what was seen, and store the new cursor.
 * Records of another market are ignored (the server never sends them; this is a second fence).
 */
export async function applyPullPage(
  db: DangolDb,
  page: { records: readonly WireRecord[]; cursor: number },
  nowMs: number,
): Promise<number> {
  const tables = ENTITY_TABLES.map((t) => db.table(t));
  let applied = 0;
  await db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
    const marketId = await getMeta<string>(db, 'marketId');
    const records = page.records.filter(
      (rec) => !(marketId && rec.data.marketId !== undefined && rec.data.marketId !== marketId),
    );
    // Bulk reads and writes per table, and no outbox lookups when nothing is queued (bench: one get, one
    // outbox query and one put per record made a fresh tablet's pull about 2x its floor).
    const queued = (await db.outbox.count()) > 0;
    const byTable = new Map<string, WireRecord[]>();
    for (const rec of records) {
      const name = TABLE_OF[rec.entity];
      byTable.set(name, [...(byTable.get(name) ?? []), rec]);
    }
    for (const [name, recs] of byTable) {
      const table = db.table(name);
      const locals = (await table.bulkGet(recs.map((r) => r.id))) as (
        Local<(typeof recs)[number]['entity']> | undefined
      )[];
      const rows: Record<string, unknown>[] = [];
      for (let i = 0; i < recs.length; i++) {
        const rec = recs[i]!;
        const local = toVersioned(locals[i]);
        const keep = queued ? await pendingFields(db, rec.entity, rec.id) : new Set<string>();
        const remote = { data: { ...rec.data, id: rec.id }, clocks: rec.clocks };
        // A tombstone is frozen on the server (no edit applies after a delete): take it as it is, unless
        // this tablet still has changes of it queued (they are pushed, answered, and the record comes again).
        const tombstone = rec.data.deleted === true && keep.size === 0;
        const merged = tombstone ? mergeVersioned(undefined, remote) : mergeVersioned(local, remote, keep);
        rows.push({ ...merged.data, _clocks: merged.clocks });
      }
      await table.bulkPut(rows);
      applied += rows.length;
    }
    const seen = maxClock(page.records);
    if (seen) {
      const prev = (await getMeta<HlcState>(db, 'hlc')) ?? { wall: 0, counter: 0 };
      const remote = parseHlc(seen);
      if (remote.wall > prev.wall || (remote.wall === prev.wall && remote.counter >= prev.counter)) {
        await setMeta(db, 'hlc', receiveHlc(prev, remote, nowMs));
      }
    }
    const cursor = (await getMeta<number>(db, 'cursor')) ?? 0;
    if (page.cursor > cursor) await setMeta(db, 'cursor', page.cursor);
  });
  return applied;
}

export interface SyncCredentials {
  token: string;
  serverUrl: string;
  marketId: string;
  cursor: number;
}

/** What the engine needs to talk to the server; null when the tablet is not enrolled or holds the demo. */
export async function readCredentials(db: DangolDb): Promise<SyncCredentials | null> {
  const rows = await db.meta.bulkGet(['enrolled', 'demo', 'token', 'serverUrl', 'marketId', 'cursor']);
  const [enrolled, demo, token, serverUrl, marketId, cursor] = rows.map((r) => r?.value);
  if (enrolled !== true || demo === true || typeof token !== 'string' || typeof marketId !== 'string') return null;
  return {
    token,
    marketId,
    serverUrl: typeof serverUrl === 'string' ? serverUrl : '',
    cursor: typeof cursor === 'number' ? cursor : 0,
  };
}

export async function setLastSyncAt(db: DangolDb, iso: string): Promise<void> {
  await setMeta(db, 'lastSyncAt', iso);
}

export interface Enrollment {
  token: string;
  marketId: string;
  serverUrl: string;
}

/**
 * Store a fresh enrollment in one transaction. Demo data (never sent) is wiped first, as is local data of
 * another market when nothing of it is waiting to be sent; the cursor restarts so the first pull is full.
 */
export async function storeEnrollment(db: DangolDb, e: Enrollment): Promise<{ wipedDemo: boolean }> {
  const tables = ENTITY_TABLES.map((t) => db.table(t));
  return db.transaction('rw', [...tables, db.outbox, db.rejected, db.meta], async () => {
    const demo = (await getMeta<boolean>(db, 'demo')) === true;
    const previousMarket = await getMeta<string>(db, 'marketId');
    const queued = (await db.outbox.count()) + (await db.rejected.count());
    const otherMarket = previousMarket !== undefined && previousMarket !== e.marketId && queued === 0;
    if (demo || otherMarket) {
      for (const t of tables) await t.clear();
      await db.outbox.clear();
      await db.rejected.clear();
      await db.meta.bulkDelete(['tutorId', 'lastSyncAt']);
    }
    await setMeta(db, 'demo', false);
    await setMeta(db, 'token', e.token);
    await setMeta(db, 'marketId', e.marketId);
    await setMeta(db, 'serverUrl', e.serverUrl);
    await setMeta(db, 'cursor', 0);
    await setMeta(db, 'enrolled', true);
    return { wipedDemo: demo };
  });
}

export interface DemoState {
  demo: boolean;
  pendingDemoChanges: number;
}

/** Whether demo data is loaded, and how many demo changes enrolling would throw away. */
export async function readDemoState(db: DangolDb): Promise<DemoState> {
  const demo = (await getMeta<boolean>(db, 'demo')) === true;
  return { demo, pendingDemoChanges: demo ? await db.outbox.count() : 0 };
}
