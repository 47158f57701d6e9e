// @vitest-environment node
// Found by the soak (seed 697002280, sqlite): a tablet edits a note twice while offline; another tablet's
// edit reaches the server between the two. The first queued edit becomes a conflict copy, but the second
// one's base is the first one's clock, which is NEWER than the other tablet's text: it overwrote that text,
// which then existed nowhere. Every text must survive (SYNC.md: notes are never overwritten).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openNote, saveNote } from '../../src/app/db/repos/notes';
import { engines, useServer } from '../server/harness';
import { noteFields, serverSnapshot, tablet } from '../integration/tablets';
import { mutate } from '../../src/app/db/mutate';

const text = (taught: string) => ({ topics: [], taught, hard: '', nextStep: '', followUpDate: null });

describe.each(engines('note text survival'))('note texts on %s', (engine) => {
  const fx = useServer(engine);

  it('keeps the other tablet text when a tablet queues two edits of one note', async () => {
    const { server, marketId } = fx.get();
    const a = await tablet(server, marketId, `nt-a-${engine}`);
    const b = await tablet(server, marketId, `nt-b-${engine}`);
    const id = `nt-${engine}`;
    await mutate(a.db, { entity: 'note', id, fields: noteFields('s-nt', '처음') });
    await a.engine.syncNow();
    await b.engine.syncNow();

    const bOpen = await openNote(b.db, id);
    await saveNote(b.db, { id, stallId: 's-nt', text: text('B의 글'), base: bOpen!.base, tutorId: null });
    await b.engine.syncNow(); // B's text is held by the server now
    a.online = false;
    for (const t of ['A의 첫 수정', 'A의 둘째 수정']) {
      const opened = await openNote(a.db, id);
      await saveNote(a.db, { id, stallId: 's-nt', text: text(t), base: opened!.base, tutorId: null });
    }
    a.online = true;
    await a.engine.syncNow();

    const notes = Object.entries(await serverSnapshot(server, marketId))
      .filter(([k]) => k.startsWith('note:'))
      .map(([, v]) => v as { taught: string; deleted: boolean });
    const live = notes.filter((n) => !n.deleted).map((n) => n.taught);
    expect(live).toContain('B의 글');
    expect(live).toContain('A의 둘째 수정');
  });
});
