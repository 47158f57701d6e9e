// Applying a push response: the sent entries leave the outbox with one range delete only when the range
// holds exactly what was sent and answered; anything else at those seqs, or unanswered, stays queued.
// Entries at a sent seq are matched by changeId whenever the outbox's epoch changed since the head was read
// (a restored backup); while it is unchanged only the range's keys are read.
import { describe, expect, it } from 'vitest';
import type { ChangeResult } from '../../domain';
import { enrolledDb, stallFields } from './test-fakes';
import { mutate } from '../db/mutate';
import { exportBackup, importBackup } from '../db/repos/backup';
import { applyPushResults, readOutboxHead } from '../db/repos/sync-repo';
import { bumpOutboxEpoch } from '../db/outbox';

async function queued(n: number) {
  const db = await enrolledDb();
  for (let i = 0; i < n; i++)
    await mutate(db, { entity: 'stall', id: `s${i}`, fields: stallFields(`가게${i}`) as never });
  const head = await readOutboxHead(db, n);
  return { db, head, sent: head.entries };
}

const applied = (changeId: string): ChangeResult => ({ changeId, status: 'applied' });
const now = '2026-11-26T10:00:00.000Z';

describe('applyPushResults', () => {
  it('removes every answered entry and keeps what was queued after the batch was read', async () => {
    const { db, head, sent } = await queued(5);
    await mutate(db, { entity: 'stall', id: 'later', fields: stallFields('나중') as never });
    const r = await applyPushResults(
      db,
      sent.map((e) => applied(e.changeId)),
      now,
      head,
    );
    expect(r).toEqual({ done: 5, rejected: 0 });
    expect((await db.outbox.toArray()).map((e) => e.recordId)).toEqual(['later']);
  });

  it('keeps entries the response did not answer', async () => {
    const { db, head, sent } = await queued(4);
    const r = await applyPushResults(db, [applied(sent[0]!.changeId), applied(sent[2]!.changeId)], now, head);
    expect(r).toEqual({ done: 2, rejected: 0 });
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => e.changeId)).toEqual([
      sent[1]!.changeId,
      sent[3]!.changeId,
    ]);
  });

  it('never removes a different entry that took a sent entry’s seq meanwhile (e.g. a restored backup)', async () => {
    const { db, head, sent } = await queued(3);
    const other = { ...sent[1]!, changeId: crypto.randomUUID(), recordId: 'restored' };
    await db.transaction('rw', db.outbox, db.meta, async () => {
      await db.outbox.put(other);
      await bumpOutboxEpoch(db); // as every write that puts entries at used seqs does
    });
    const r = await applyPushResults(
      db,
      sent.map((e) => applied(e.changeId)),
      now,
      head,
    );
    expect(r).toEqual({ done: 2, rejected: 0 });
    expect((await db.outbox.toArray()).map((e) => e.recordId)).toEqual(['restored']);
  });

  it('keeps the entries of a backup restored while the push was in flight, at the seqs that were sent', async () => {
    // The backup was made when the outbox held two other changes, at seqs 1 and 2.
    const earlier = await enrolledDb();
    await mutate(earlier, { entity: 'stall', id: 'b1', fields: stallFields('백업가게1') as never });
    await mutate(earlier, { entity: 'stall', id: 'b2', fields: stallFields('백업가게2') as never });
    const backup = await exportBackup(earlier);
    const { db, head, sent } = await queued(3);
    expect(sent.map((e) => e.seq)).toEqual(backup.tables.outbox.map((e) => (e as { seq: number }).seq).concat(3));
    await importBackup(db, backup);
    const r = await applyPushResults(
      db,
      sent.map((e) => applied(e.changeId)),
      now,
      head,
    );
    // The restore replaced the whole outbox: nothing that was sent is still queued, and nothing restored leaves.
    expect(r).toEqual({ done: 0, rejected: 0 });
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => e.recordId)).toEqual(['b1', 'b2']);
  });

  it('moves a rejected entry to needs attention and removes the rest', async () => {
    const { db, head, sent } = await queued(3);
    const results: ChangeResult[] = sent.map((e, i) =>
      i === 1 ? { changeId: e.changeId, status: 'rejected', reason: 'no', code: 'invalid' } : applied(e.changeId),
    );
    const r = await applyPushResults(db, results, now, head);
    expect(r).toEqual({ done: 2, rejected: 1 });
    expect(await db.outbox.count()).toBe(0);
    expect((await db.rejected.toArray()).map((e) => e.changeId)).toEqual([sent[1]!.changeId]);
  });
});
