// @vitest-environment node
// The invariant checker can fail: a change dropped from a tablet's queue is reported lost, a tablet that
// missed a pull is reported diverged, and a note text nobody saw vanish is reported lost.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { mutate } from '../../src/app/db/mutate';
import { useServer } from '../server/harness';
import { noteFields, stallFields, tablet } from '../integration/tablets';
import type { Device } from './device';
import { checkInvariants } from './invariants';
import { emptyNoteLog } from './operations';

describe('invariant checker', () => {
  const fx = useServer('sqlite');

  it('reports a lost change, a diverged tablet and a lost note text', async () => {
    const { server, marketId } = fx.get();
    const t = await tablet(server, marketId, 'checker');
    const other = await tablet(server, marketId, 'checker-b');
    await mutate(t.db, { entity: 'stall', id: 'chk-s', fields: stallFields('검사상회') });
    await mutate(t.db, { entity: 'note', id: 'chk-n', fields: noteFields('chk-s', '사라질 글') });
    const committed = (await t.db.outbox.toArray()).map((e) => e.changeId);
    await t.db.outbox.where('changeId').equals(committed[1]!).delete(); // the queue loses the note
    await t.engine.syncNow();
    const log = emptyNoteLog();
    log.saved.push({ text: '사라질 글', noteId: 'chk-n', device: 'checker', saw: null });
    const devices = [
      { name: 'checker', db: t.db, committed },
      { name: 'checker-b', db: other.db, committed: [] },
    ] as unknown as Device[];
    const { violations } = await checkInvariants(server.storage, marketId, devices, log);
    expect(violations.lost).toEqual([expect.stringContaining(committed[1]!)]);
    expect(violations.diverged.map((d) => d.split(':')[0])).toEqual(expect.arrayContaining(['checker', 'checker-b']));
    expect(violations.textsLost).toHaveLength(1);
    expect(violations.duplicates).toEqual([]);
  });
});
