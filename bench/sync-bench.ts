// Benchmarks 1-3 in Node (fake-indexeddb stands in for the tablet's IndexedDB): a fresh tablet's full pull,
// draining 10,000 offline changes, and single local writes at full data. Each against its floor.
import { randomUUID } from 'node:crypto';
import { DangolDb, TABLE_OF, type OutboxEntry } from '../src/app/db/database';
import { saveNote } from '../src/app/db/repos/notes';
import { setStepStatus } from '../src/app/db/repos/steps';
import { updateVisit } from '../src/app/db/repos/visits';
import { stepId, timeOrderedUuid } from '../src/domain';
import { bulkPutTablet, startFloorHttp, type FloorRow } from './lib/floors';
import type { BenchServer } from './lib/server';
import { summarize, timed, type Summary } from './lib/stats';
import { dropTablet, enrollTablet, makeTablet, type BenchTablet } from './lib/tablet';

export interface Measured {
  name: string;
  unit: 'ms';
  value: Summary;
  floor: Summary;
  /** Target on the ratio median/floor-median, or on an absolute figure (see `check`). */
  target: string;
  met: boolean;
  notes?: string;
  extra?: Record<string, unknown>;
}

const log = (s: string) => console.log(`  ${s}`);

/** 2. Fresh tablet pull through the real engine vs one HTTP response + one bulkPut of the same rows. */
export async function benchPull(bs: BenchServer, reps: number): Promise<{ result: Measured; tablet: BenchTablet }> {
  const tutorId = bs.market.tutors[0]!.id;
  const runs: number[] = [];
  let keep: BenchTablet | null = null;
  let pages = 0;
  for (let i = 0; i < reps; i++) {
    const t = makeTablet(`pull${i}`);
    const { ms } = await timed(() => enrollTablet(t, bs, tutorId));
    pages = t.sent.filter((s) => s.kind === 'pull').length;
    const held = await countRecords(t.db);
    if (held < bs.recordCount) throw new Error(`pull incomplete: ${held} of ${bs.recordCount} records`);
    runs.push(ms);
    log(`pull run ${i + 1}/${reps}: ${ms.toFixed(0)} ms (${held} records, ${pages} pages)`);
    if (keep) await dropTablet(keep);
    keep = t;
  }
  const all = await bs.pull(0, 1_000_000);
  const wire = all.records.map((r) => ({ entity: r.entity, id: r.id, data: r.data, clocks: r.clocks, seq: r.seq }));
  const http = await startFloorHttp();
  http.setPayload({ records: wire, cursor: all.cursor, hasMore: false });
  const floorRuns: number[] = [];
  try {
    for (let i = 0; i < reps; i++) {
      const db = new DangolDb(`bench-floor-pull-${randomUUID()}`);
      const { ms } = await timed(async () => {
        const res = await fetch(`${http.url}/pull`);
        const body = (await res.json()) as { records: FloorRow[] };
        await bulkPutTablet(db, body.records);
      });
      floorRuns.push(ms);
      db.close();
      await db.delete();
    }
  } finally {
    await http.close();
  }
  const value = summarize(runs);
  const floor = summarize(floorRuns);
  return {
    tablet: keep!,
    result: {
      name: `2. Fresh tablet pull (${bs.recordCount} records, Node + fake-indexeddb)`,
      unit: 'ms',
      value,
      floor,
      target: '<= 2x floor',
      met: value.median <= 2 * floor.median,
      extra: { records: bs.recordCount, pages },
    },
  };
}

async function countRecords(db: DangolDb): Promise<number> {
  let n = 0;
  for (const t of Object.values(TABLE_OF)) n += await db.table(t).count();
  return n;
}

/** Queue `n` changes offline through the app's write paths: step ticks (2 changes), new notes, visit edits. */
async function queueChanges(t: BenchTablet, bs: BenchServer, n: number, round: number): Promise<number[]> {
  const tutorId = bs.market.tutors[0]!.id;
  const stalls = bs.market.stalls;
  const visits = bs.market.visits;
  const perWrite: number[] = [];
  let queued = 0;
  for (let k = 0; queued < n; k++) {
    const stall = stalls[k % stalls.length]!;
    const kind = k % 3;
    const t0 = performance.now();
    if (kind === 0 && n - queued >= 2) {
      const status = (round + Math.floor(k / stalls.length)) % 2 === 0 ? 'done' : 'todo';
      await setStepStatus(t.db, { stallId: stall.id, no: 1 + (k % 15), status, tutorId });
      queued += 2;
    } else if (kind === 1) {
      await saveNote(t.db, {
        stallId: stall.id,
        base: null,
        tutorId,
        text: { topics: ['쿠폰'], taught: `벤치 ${round}-${k}`, hard: '', nextStep: '', followUpDate: null },
      });
      queued += 1;
    } else {
      const v = visits[(k * 7 + round) % visits.length]!;
      await updateVisit(t.db, v.id, { purpose: `벤치 ${round}-${k}` }, tutorId);
      queued += 1;
    }
    perWrite.push(performance.now() - t0);
  }
  return perWrite;
}

/** The same change queued again, with a new change id made as the app makes them (time-ordered). */
export function requeued(e: OutboxEntry, round: number): OutboxEntry {
  const changeId = timeOrderedUuid();
  const created = e.entity === 'note' || e.entity === 'stepEvent';
  const recordId = created ? `${e.recordId}-r${round}` : e.recordId;
  return { ...e, changeId, recordId, change: { ...e.change, changeId, recordId }, attempts: 0, lastError: null };
}

/**
 * 1. Drain 10,000 queued changes through the real engine vs one bulk insert + one HTTP request. Also returns the
 * queued changes (without seqs), for the same drain in Chromium.
 *
 * The first `warmUps` rounds (drain and floor alike) are run and reported but not counted: the first drain is the
 * first push this server process ever applies (its push path not yet compiled by V8, SQLite's statements and
 * pages cold), right after 10,000 writes through the app on the same heap, while the floor's one statement is
 * warm after one run. A market's server runs for weeks, so the counted rounds are its steady state; the first
 * round's figures stay in the output and in results.json (`extra.warmUp`), and so does the ratio the method before
 * the thirteenth session gave (the first five rounds, the cold one counted: `extra.coldCounted`).
 */
export async function benchDrain(
  bs: BenchServer,
  t: BenchTablet,
  n: number,
  reps: number,
  warmUps = 0,
): Promise<{ result: Measured; template: OutboxEntry[] }> {
  const allRuns: number[] = [];
  const allFloorRuns: number[] = [];
  const cycles: number[] = [];
  const freshKeyRuns: number[] = [];
  const rowsWritten: number[] = [];
  const http = await startFloorHttp();
  let template: OutboxEntry[] | null = null;
  const localRows: FloorRow[] = [];
  try {
    for (let i = 0; i < warmUps + reps; i++) {
      t.online = false;
      // Run 1 queues through the app's write paths; later runs re-queue the same changes (fresh change ids,
      // fresh ids for created notes and step events) so 10,000 writes are not repeated every run.
      const q = await timed(async () => {
        if (i === 0 || !template) return queueChanges(t, bs, n, i);
        await t.db.outbox.bulkAdd(template.map((e) => requeued(e, i)));
        return [];
      });
      const entries = await t.db.outbox.orderBy('seq').toArray();
      if (i === 0) template = entries.map(({ seq: _seq, ...e }) => e);
      if (entries.length !== n) throw new Error(`expected ${n} queued changes, found ${entries.length}`);
      if (i === 0) {
        // One bulkGet per table: 10,000 single gets here left thousands of finished transactions for
        // fake-indexeddb to clean up while the first drain ran (≈ 0.5 s of that run's time).
        const byTable = new Map<string, OutboxEntry[]>();
        for (const e of entries) {
          const list = byTable.get(TABLE_OF[e.entity]);
          if (list) list.push(e);
          else byTable.set(TABLE_OF[e.entity], [e]);
        }
        const rowOf = new Map<OutboxEntry, Record<string, unknown>>();
        for (const [table, list] of byTable) {
          const got = await t.db.table(table).bulkGet(list.map((e) => e.recordId));
          list.forEach((e, k) => rowOf.set(e, got[k] as Record<string, unknown>));
        }
        for (const e of entries) {
          const { _clocks, ...data } = rowOf.get(e)!;
          localRows.push({ entity: e.entity, id: e.recordId, data, clocks: _clocks as Record<string, string> });
        }
      }
      const rows = localRows.map((r, k) => ({ ...r, id: `floor${i}-${k}-${r.id}` }));
      const body = JSON.stringify({ changes: entries.map((e) => e.change) });
      const seqBefore = await bs.currentSeq();
      await serverIdle();
      t.online = true;
      t.sent.length = 0;
      const t0 = performance.now();
      const status = await t.engine.syncNow();
      const end = performance.now();
      if (status.pendingCount !== 0 || status.needsAttention !== 0) {
        throw new Error(`drain left ${status.pendingCount} pending, ${status.needsAttention} needing attention`);
      }
      const drainFrames = await bs.walFrames();
      const firstPull = t.sent.find((s) => s.kind === 'pull')?.at ?? end;
      const pushes = t.sent.filter((s) => s.kind === 'push').length;
      // A push answered other than 200 (a 409 out_of_order and its resend, a retried error) costs the drain a
      // round trip and a second read of its batch: named in the output so a slow drain can be told from a slow machine.
      const refused = t.sent.filter((s) => s.kind === 'push' && s.status !== 200);
      if (refused.length > 0) {
        log(`  pushes answered other than 200: ${refused.map((s) => `${s.status} ${s.code ?? ''}`.trim()).join(', ')}`);
      }
      const inHttp = t.sent.filter((s) => s.kind === 'push').reduce((a, s) => a + s.ms, 0);
      log(`  push requests (server + HTTP): ${inHttp.toFixed(0)} ms of the drain`);
      allRuns.push(firstPull - t0);
      cycles.push(end - t0);
      const which = i < warmUps ? `warm-up ${i + 1}/${warmUps} (not counted)` : `run ${i + 1 - warmUps}/${reps}`;
      log(
        `drain ${which}: ${(firstPull - t0).toFixed(0)} ms in ${pushes} pushes ` +
          `(whole cycle with pull-back ${(end - t0).toFixed(0)} ms; queueing took ${q.ms.toFixed(0)} ms)`,
      );
      const request = async () => {
        const res = await fetch(`${http.url}/push`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
        });
        await res.json();
      };
      // The records this drain wrote, as the server holds them (a record changed twice is one row), written again
      // at their own keys on the server's thread (timed there), then the one request (timed here).
      await serverIdle();
      const upsert = await bs.floorUpsertSince(seqBefore);
      rowsWritten.push(upsert.rows);
      const f = { ms: upsert.ms + (await timed(request)).ms };
      allFloorRuns.push(f.ms);
      const floorFrames = await bs.walFrames();
      await serverIdle();
      const insert = await bs.floorInsert(`floor-${i}`, rows);
      const fresh = { ms: insert.ms + (await timed(request)).ms };
      freshKeyRuns.push(fresh.ms);
      const freshFrames = await bs.walFrames();
      log(
        `  SQLite pages written (WAL frames): drain ${drainFrames}, floor ${floorFrames}, fresh-key copies ${freshFrames}`,
      );
      log(
        `  floor: ${upsert.rows} records upserted at their own keys + the request ${f.ms.toFixed(0)} ms; ` +
          `${rows.length} copies under fresh keys + the request ${fresh.ms.toFixed(0)} ms`,
      );
    }
  } finally {
    await http.close();
  }
  const value = summarize(allRuns.slice(warmUps));
  const floor = summarize(allFloorRuns.slice(warmUps));
  const ratio = (v: readonly number[], f: readonly number[]) => summarize(v).median / summarize(f).median;
  const warmUp = { drain: allRuns.slice(0, warmUps), floor: allFloorRuns.slice(0, warmUps) };
  const coldCounted = ratio(allRuns.slice(0, reps), allFloorRuns.slice(0, reps));
  const warmUpNote =
    warmUps === 0
      ? ''
      : `; first round (warm-up, not counted): drain ${warmUp.drain.map((x) => x.toFixed(0)).join(', ')} ms, ` +
        `floor ${warmUp.floor.map((x) => x.toFixed(0)).join(', ')} ms; the first ${reps} rounds with the cold one ` +
        `counted (the method until the thirteenth session): ${coldCounted.toFixed(2)}x`;
  const result: Measured = {
    name: `1. Sync drain (${n} queued changes -> server, SQLite)`,
    unit: 'ms',
    value,
    floor,
    target: '<= 2x floor',
    met: value.median <= 2 * floor.median,
    notes:
      `floor: the ${rowsWritten[0] ?? '?'} records the drain wrote, upserted at their own keys + one request; ` +
      `vs ${n} copies inserted under fresh keys (the floor until the third session): ` +
      `${(value.median / summarize(freshKeyRuns.slice(warmUps)).median).toFixed(2)}x${warmUpNote}`,
    extra: {
      changes: n,
      recordsWritten: rowsWritten,
      wholeCycleWithPullBack: summarize(cycles.slice(warmUps)),
      freshKeyFloor: summarize(freshKeyRuns.slice(warmUps)),
      warmUp,
      coldCounted,
    },
  };
  return { result, template: template ?? [] };
}

/**
 * Each write phase (drain, floors) starts on an idle server, as between two tablets' drains: the server folds
 * its SQLite WAL back after 1 s without writes (src/server/storage/wal-checkpoint.ts), so neither side pays for
 * reading through the other's unfolded WAL.
 */
export const serverIdle = () => new Promise((r) => setTimeout(r, 1_300));

/** 3. Single local writes at full data (step tick, note save), each vs one plain Dexie put of the same row. */
export async function benchLocalWrites(bs: BenchServer, t: BenchTablet, count: number): Promise<Measured[]> {
  const tutorId = bs.market.tutors[0]!.id;
  t.online = false;
  const tick: number[] = [];
  const note: number[] = [];
  const putStep: number[] = [];
  const putNote: number[] = [];
  for (let k = 0; k < count; k++) {
    const stall = bs.market.stalls[(k * 37) % bs.market.stalls.length]!;
    let s = performance.now();
    await setStepStatus(t.db, { stallId: stall.id, no: 1 + (k % 15), status: k % 2 ? 'todo' : 'done', tutorId });
    tick.push(performance.now() - s);
    s = performance.now();
    const saved = await saveNote(t.db, {
      stallId: stall.id,
      base: null,
      tutorId,
      text: { topics: ['쿠폰'], taught: `로컬 쓰기 ${k}`, hard: '', nextStep: '', followUpDate: null },
    });
    note.push(performance.now() - s);
    const stepRow = await t.db.steps.get(stepId(stall.id, 1 + (k % 15)));
    const noteRow = await t.db.notes.get(saved.id);
    s = performance.now();
    await t.db.steps.put({ ...stepRow!, reason: '' });
    putStep.push(performance.now() - s);
    s = performance.now();
    await t.db.notes.put({ ...noteRow!, id: `floor-${saved.id}` });
    putNote.push(performance.now() - s);
  }
  await t.db.outbox.clear();
  const mk = (name: string, runs: number[], floorRuns: number[]): Measured => {
    const value = summarize(runs);
    return {
      name,
      unit: 'ms',
      value,
      floor: summarize(floorRuns),
      target: 'p95 <= 16 ms',
      met: value.p95 <= 16,
      notes: `p95 ${value.p95.toFixed(1)} ms of ${count} writes`,
    };
  };
  return [
    mk('3a. Local write: tick a step (step + stepEvent + 2 outbox)', tick, putStep),
    mk('3b. Local write: save a new note (note + outbox)', note, putNote),
  ];
}
