// Applying a push response: the sent entries leave the outbox with one range delete only when the range
// holds exactly what was sent and answered; anything else at those seqs, or unanswered, stays queued.
import { describe, expect, it } from 'vitest';
import type { ChangeResult } from '../../domain';
import { enrolledDb, stallFields } from './test-fakes';
import { mutate } from '../db/mutate';
import { applyPushResults, readOutboxHead } from '../db/repos/sync-repo';

async function queued(n: number) {
  const db = await enrolledDb();
  for (let i = 0; i < n; i++)
    await mutate(db, { entity: 'stall', id: `s${i}`, fields: stallFields(`가게${i}`) as never });
  return { db, sent: await readOutboxHead(db, n) };
}

const applied = (changeId: string): ChangeResult => ({ changeId, status: 'applied' });
const now = '2026-11-26T10:00:00.000Z';

describe('applyPushResults', () => {
  it('removes every answered entry and keeps what was queued after the batch was read', async () => {
    const { db, sent } = await queued(5);
    await mutate(db, { entity: 'stall', id: 'later', fields: stallFields('나중') as never });
    const r = await applyPushResults(
      db,
      sent.map((e) => applied(e.changeId)),
      now,
      sent,
    );
    expect(r).toEqual({ done: 5, rejected: 0 });
    expect((await db.outbox.toArray()).map((e) => e.recordId)).toEqual(['later']);
  });

  it('keeps entries the response did not answer', async () => {
    const { db, sent } = await queued(4);
    const r = await applyPushResults(db, [applied(sent[0]!.changeId), applied(sent[2]!.changeId)], now, sent);
    expect(r).toEqual({ done: 2, rejected: 0 });
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => e.changeId)).toEqual([
      sent[1]!.changeId,
      sent[3]!.changeId,
    ]);
  });

  it('never removes a different entry that took a sent entry’s seq meanwhile (e.g. a restored backup)', async () => {
    const { db, sent } = await queued(3);
    const other = { ...sent[1]!, changeId: crypto.randomUUID(), recordId: 'restored' };
    await db.outbox.put(other);
    const r = await applyPushResults(
      db,
      sent.map((e) => applied(e.changeId)),
      now,
      sent,
    );
    expect(r).toEqual({ done: 2, rejected: 0 });
    expect((await db.outbox.toArray()).map((e) => e.recordId)).toEqual(['restored']);
  });

  it('moves a rejected entry to needs attention and removes the rest', async () => {
    const { db, sent } = await queued(3);
    const results: ChangeResult[] = sent.map((e, i) =>
      i === 1 ? { changeId: e.changeId, status: 'rejected', reason: 'no', code: 'invalid' } : applied(e.changeId),
    );
    const r = await applyPushResults(db, results, now, sent);
    expect(r).toEqual({ done: 2, rejected: 1 });
    expect(await db.outbox.count()).toBe(0);
    expect((await db.rejected.toArray()).map((e) => e.changeId)).toEqual([sent[1]!.changeId]);
  });
});
