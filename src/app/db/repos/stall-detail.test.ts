import { beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { DangolDb } from '../database';
import { loadDemoMarket } from './demo';
import { loadStallDetail, newestOf, readStallDetailPart, STALL_DETAIL_PARTS } from './stall-detail';

let db: DangolDb;
beforeEach(async () => {
  db = new DangolDb(`t-${crypto.randomUUID()}`);
  await loadDemoMarket(db);
});

/** The detail as the live queries read it: each part through its repository (Dexie). */
async function byParts(stallId: string, limit: number) {
  const parts = await Promise.all(STALL_DETAIL_PARTS.map((p) => readStallDetailPart(db, p, stallId, limit)));
  return Object.fromEntries(STALL_DETAIL_PARTS.map((p, i) => [p, parts[i]]));
}

describe('the stall detail read', () => {
  it('reads straight from IndexedDB what the repositories read, for every demo stall', async () => {
    const transaction = vi.spyOn(db, 'transaction');
    const ids = await db.stalls.toCollection().primaryKeys();
    let withNotes = 0;
    for (const id of ids) {
      const read = await loadStallDetail(db, id, 3);
      expect(read).toEqual(await byParts(id, 3));
      if (read.notes.notes.length > 0) withNotes++;
    }
    expect(ids.length).toBeGreaterThan(10);
    expect(withNotes).toBeGreaterThan(0);
    // Not through Dexie's transaction (its fallback when the connection is closed).
    expect(transaction).not.toHaveBeenCalled();
  });

  it('skips deleted notes and visits and shows a deleted stall as gone, as the repositories do', async () => {
    const note = await db.notes.orderBy('writtenAt').last();
    const stallId = note!.stallId;
    await db.notes.update(note!.id, { deleted: true });
    const visit = await db.visits.where('stallId').equals(stallId).first();
    if (visit) await db.visits.update(visit.id, { deleted: true });
    const read = await loadStallDetail(db, stallId, 2);
    expect(read.notes.notes.map((n) => n.id)).not.toContain(note!.id);
    expect(read).toEqual(await byParts(stallId, 2));
    await db.stalls.update(stallId, { deleted: true });
    expect((await loadStallDetail(db, stallId, 2)).stall).toBeNull();
  });

  it('reads the newest notes in one request or with a cursor (browsers without getAll backwards), the same', async () => {
    const note = await db.notes.orderBy('writtenAt').last();
    const stallId = note!.stallId;
    const all = await db.notes.where('stallId').equals(stallId).count();
    const newest = async (count: number, oneRequest: boolean) => {
      const tx = db.backendDB().transaction('notes', 'readonly');
      const range = IDBKeyRange.bound([stallId, Dexie.minKey], [stallId, Dexie.maxKey]);
      const rows = await newestOf(tx.objectStore('notes').index('[stallId+writtenAt]'), range, count, oneRequest);
      return (rows as { id: string }[]).map((r) => r.id);
    };
    const expected = await db.notes
      .where('[stallId+writtenAt]')
      .between([stallId, Dexie.minKey], [stallId, Dexie.maxKey])
      .reverse()
      .primaryKeys();
    for (const count of [1, 2, all + 5]) {
      expect(await newest(count, true)).toEqual(expected.slice(0, count));
      expect(await newest(count, false)).toEqual(expected.slice(0, count));
    }
    expect(expected[0]).toBe(note!.id);
  });
});
