// Drains the outbox to POST /api/sync/push, strictly in seq order, in batches (SYNC.md 3-6). Each response is
// applied in one Dexie transaction. A per-change rejection moves that change to "needs attention" and the rest
// goes on; a 400/403/413 on a whole batch is narrowed down by halving until the bad change stands alone.
import { MAX_BODY_BYTES, MAX_PUSH_BATCH, PushResponseSchema, type ChangeResult, type PushResponse } from '../../domain';
import type { OutboxEntry } from '../db/database';
import { applyPushResults, markAttempt, readOutboxHead, rejectEntry, type OutboxHead } from '../db/repos/sync-repo';
import { apiUrl, request, type HttpResult } from './http';
import type { SyncDeps, SyncError } from './types';

/** The server's maximum (MAX_PUSH_BATCH): fewer round trips and transactions per drain (bench: 200 -> 500 -> 2,000). */
export const PUSH_BATCH = MAX_PUSH_BATCH;
/**
 * The first push of a drain is small, so the server starts working a few ms after "sync now" instead of after the
 * tablet has read and serialized a whole batch (bench: ≈ 30 ms of a 10,000-change drain). Each later batch is at
 * most twice the one before (500, 1,000, 2,000): it is read while the one before is in flight, and reading a batch
 * takes the tablet about as long as the server takes to apply half as many changes — a full batch read behind the
 * first (500) left the server idle ≈ 20–30 ms waiting for the second push (bench timeline). Not smaller than 500:
 * with 250 the second push left late.
 */
export const FIRST_PUSH_BATCH = 500;

/** The read-ahead behind a batch of `sent` entries: twice as many, up to `size` (see FIRST_PUSH_BATCH). */
const nextBatchSize = (sent: number, size: number) => Math.min(size, Math.max(FIRST_PUSH_BATCH, 2 * sent));

export type PushOutcome =
  | { ok: true; pushed: number; rejected: number }
  | { ok: false; error: SyncError; retryable: boolean; retryAfterMs: number | null };

export interface PushContext {
  deps: Pick<SyncDeps, 'db' | 'fetch' | 'now'>;
  serverUrl: string;
  token: string;
  /** Checked between batches: stop early when the engine is stopped or paused. */
  shouldStop?: () => boolean;
  batchSize?: number;
  /**
   * Called once the server has answered every change queued, just before the tablet applies the last answers:
   * the engine sends its first pull request then, so the pull travels while the outbox is tidied up.
   */
  onDrained?: () => void;
}

/**
 * A whole batch refused for its content (400 invalid, 403 a record of another market, 413 too large, 422):
 * the cause is one of its changes, so narrow it down instead of blocking the queue behind it.
 */
const isBatchLevelRejection = (status: number | undefined) =>
  status === 400 || status === 403 || status === 413 || status === 422;

/** A batch ready to send: the entries as read (with the outbox's epoch), their request body and whether it is too large. */
interface Prepared {
  read: OutboxHead;
  /** The changes as a JSON array in UTF-8 (the request body is made around it: with or without `after`). */
  changes: Uint8Array<ArrayBuffer>;
  /** More than one change, in a body the server would refuse with 413. */
  tooLarge: boolean;
}

/** Room in a body for everything but the changes: `{"changes":…,"after":"<uuid>"}`. */
const ENVELOPE_BYTES = 64;

/**
 * A batch is encoded to UTF-8 once, when it is read: its size is checked on those bytes and the same bytes are
 * sent. (A string body was counted by a loop of its own and then encoded again by fetch: ≈ 50 ms of the tablet's
 * CPU per 10,000 changes in the bench, against ≈ 10 for one encoding.)
 */
const utf8 = new TextEncoder();
const HEAD = utf8.encode('{"changes":');

async function prepare(db: PushContext['deps']['db'], limit: number, afterSeq?: number): Promise<Prepared> {
  const read = await readOutboxHead(db, limit, afterSeq);
  const changes = utf8.encode(JSON.stringify(read.entries.map((e) => e.change)));
  const tooLarge = read.entries.length > 1 && changes.length + ENVELOPE_BYTES > MAX_BODY_BYTES;
  return { read, changes, tooLarge };
}

/** Every change sent has its answer in the response (a partial answer must be sent again before anything later). */
function answersAll(results: readonly ChangeResult[], head: readonly OutboxEntry[]): boolean {
  if (results.length < head.length) return false;
  const answered = new Set(results.map((r) => r.changeId));
  return head.every((e) => answered.has(e.changeId));
}

/** A push on its way: the batch and its answer to come. */
interface Flight {
  batch: Prepared;
  answer: Promise<HttpResult<PushResponse>>;
}

const lastChangeOf = (b: Prepared) => b.read.entries[b.read.entries.length - 1]?.changeId;

/**
 * Pushes the outbox head by head, strictly in seq order, with up to two pushes in flight: while batch k flies,
 * batch k+1 is read, serialized and sent naming k's last change (`after`), and the server applies it only once that
 * change is answered (otherwise 409 out_of_order, nothing applied). So the server has the next batch as soon as it
 * is done with one instead of waiting for the answer to travel back and the next body to travel in (bench: the
 * server was idle ≈ 90 ms of a 475 ms drain). The tablet's own work is pipelined around them: batch k−1's answers
 * are applied while k flies. Whatever goes wrong with the oldest push (an error, a partial answer), the one behind it
 * is only waited for, never applied here: if the server took it, its changes are answered as duplicates next time.
 */
export async function drainOutbox(ctx: PushContext): Promise<PushOutcome> {
  const { db, fetch, now } = ctx.deps;
  const full = ctx.batchSize ?? PUSH_BATCH;
  let size = full;
  /** The drain's first read is small (FIRST_PUSH_BATCH); the read-aheads grow from there (nextBatchSize). */
  let first = true;
  let pushed = 0;
  let rejected = 0;
  /** The previous batch's answers, being applied while the next batch is in flight. */
  let applying: Promise<{ done: number; rejected: number }> | null = null;
  /** The batch after the last one sent, read while the pushes fly. */
  let next: Promise<Prepared> | null = null;
  /** Pushes sent and not yet handled, oldest first (at most two). */
  const flights: Flight[] = [];
  const send = (batch: Prepared, after?: string): Flight => {
    const envelope = after === undefined ? '}' : `,"after":${JSON.stringify(after)}}`;
    const answer = request({
      fetch,
      now,
      url: apiUrl(ctx.serverUrl, '/api/sync/push'),
      method: 'POST',
      token: ctx.token,
      json: wrap(batch.changes, envelope),
      schema: PushResponseSchema,
    });
    const flight = { batch, answer };
    flights.push(flight);
    const lastSeq = batch.read.entries[batch.read.entries.length - 1]?.seq;
    if (lastSeq !== undefined) {
      next = prepare(db, nextBatchSize(batch.read.entries.length, size), lastSeq);
      next.catch(() => undefined); // awaited (and its error raised) when it is used
    }
    return flight;
  };
  const settle = async () => {
    if (!applying) return;
    const r = await applying;
    applying = null;
    pushed += r.done;
    rejected += r.rejected;
  };
  /** Drop the read-ahead batch: the head must be read again from the start (after a halving or a partial answer). */
  const dropNext = async () => {
    const dropped = next;
    next = null;
    await dropped?.catch(() => undefined);
  };
  /** Wait for the pushes behind the oldest one without using their answers (see above). */
  const dropFlights = async () => {
    const behind = flights.splice(0);
    await Promise.all(behind.map((f) => f.answer.catch(() => undefined)));
  };
  try {
    for (;;) {
      if (flights.length === 0) {
        if (ctx.shouldStop?.()) break;
        const limit = first ? Math.min(size, FIRST_PUSH_BATCH) : size;
        first = false;
        const batch = await (next ?? settle().then(() => prepare(db, limit)));
        next = null;
        if (batch.read.entries.length === 0) break;
        if (batch.tooLarge) {
          // The server would answer 413: send half as many without asking it.
          size = Math.max(1, Math.floor(batch.read.entries.length / 2));
          continue;
        }
        send(batch);
      }
      const oldest = flights[0]!;
      // A second push goes as soon as the read-ahead is ready, if the oldest is still unanswered. (`next` is set
      // by send(), which TypeScript's narrowing does not see.)
      const readAhead = next as Promise<Prepared> | null;
      if (flights.length === 1 && readAhead && !ctx.shouldStop?.()) {
        const readFirst = await Promise.race([
          oldest.answer.then(() => false),
          readAhead.then(
            () => true,
            () => false,
          ),
        ]);
        const ahead = readFirst ? await readAhead : null;
        if (ahead && ahead.read.entries.length > 0 && !ahead.tooLarge && next === readAhead) {
          next = null;
          send(ahead, lastChangeOf(oldest.batch));
        }
      }
      const res = await oldest.answer;
      flights.shift();
      await settle();
      const { read } = oldest.batch;
      const head = read.entries;
      const iso = new Date(now()).toISOString();
      if (res.ok && answersAll(res.body.results, head)) {
        if (flights.length === 0 && ctx.onDrained) {
          // The read-ahead (read while this batch flew) says whether anything is left to send.
          const pending = next as Promise<Prepared> | null;
          const following = pending ? await pending.catch(() => null) : null;
          if (following?.read.entries.length === 0) ctx.onDrained();
        }
        applying = applyPushResults(db, res.body.results, iso, read);
        applying.catch(() => undefined); // awaited by settle()
        continue;
      }
      // The oldest push failed or was not answered in full: the one behind it is not used (see above).
      await dropFlights();
      await dropNext();
      if (!res.ok && res.error.status === 409 && res.error.code === 'out_of_order') {
        // It reached the server before the push ahead of it was applied: nothing of it was, send it again.
        continue;
      }
      if (res.ok) {
        // Not every change was answered: apply what was, then read the head again from the start.
        const r = await applyPushResults(db, res.body.results, iso, read);
        if (r.done + r.rejected === 0) {
          // The server answered without accounting for our changes: never loop on it, retry later.
          const error: SyncError = { kind: 'bad_response', message: 'Push response did not list the changes sent' };
          await markAttempt(db, seqsOf(head), error.message ?? '');
          return { ok: false, error, retryable: true, retryAfterMs: null };
        }
        pushed += r.done;
        rejected += r.rejected;
        continue;
      }
      if (!res.retryable && isBatchLevelRejection(res.error.status)) {
        if (head.length > 1) {
          size = Math.max(1, Math.floor(head.length / 2));
          continue;
        }
        const only = head[0];
        if (only) {
          await rejectEntry(
            db,
            {
              changeId: only.changeId,
              reason: res.error.message ?? `Rejected by the server (HTTP ${res.error.status ?? '?'})`,
              reasonKo:
                res.error.messageKo ??
                res.error.message ??
                `서버가 이 변경을 받지 않았습니다 (HTTP ${res.error.status ?? '?'})`,
              code:
                res.error.code ??
                (res.error.status === 413 ? 'too_large' : res.error.status === 403 ? 'forbidden' : 'invalid'),
            },
            iso,
          );
          rejected += 1;
        }
        size = full;
        continue;
      }
      await markAttempt(db, seqsOf(head), res.error.message ?? res.error.kind);
      return res;
    }
    await settle();
  } finally {
    // Stopped or failed midway: nothing is left running behind the caller's back.
    await dropFlights();
    await dropNext();
    await applying?.catch(() => undefined);
  }
  return { ok: true, pushed, rejected };
}

/** The request body `{"changes":<changes><tail>` as one UTF-8 buffer. */
function wrap(changes: Uint8Array<ArrayBuffer>, tail: string): Uint8Array<ArrayBuffer> {
  const end = utf8.encode(tail);
  const body = new Uint8Array(HEAD.length + changes.length + end.length);
  body.set(HEAD, 0);
  body.set(changes, HEAD.length);
  body.set(end, HEAD.length + changes.length);
  return body;
}

function seqsOf(entries: readonly { seq?: number }[]): number[] {
  return entries.flatMap((e) => (e.seq === undefined ? [] : [e.seq]));
}
