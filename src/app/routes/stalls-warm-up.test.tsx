// The 점포 screen's off-page warm-up after start (stalls-route.tsx `warmStallsScreen`): it renders the screen in a
// detached root, leaves nothing behind in the page, and keeps the first rows' details read for the first tap —
// unless the tutor has tapped already.
import { describe, expect, it, vi } from 'vitest';
import { freshDb } from '../../../tests/support/render-app';
import type { DangolDb } from '../db/database';
import { saveNote } from '../db/repos/notes';
import { createStall, emptyStall } from '../db/repos/stalls';
import { isReadAhead, readAhead } from '../features/merchants/use-stall-detail';
import { warmStallsScreen } from './stalls-route';

async function market(): Promise<{ db: DangolDb; ids: string[] }> {
  const db = await freshDb({ marketId: 'm-warm', tutorId: 't1' });
  const ids: string[] = [];
  for (const name of ['가람건어물', '나래청과', '다온수산']) {
    const id = await createStall(db, { ...emptyStall(), name, category: '수산' }, 't1');
    await saveNote(db, {
      stallId: id,
      text: { topics: [], taught: `${name} 채널 개설`, hard: '', nextStep: '', followUpDate: null },
      base: null,
      tutorId: 't1',
    });
    ids.push(id);
  }
  return { db, ids };
}

describe('the 점포 warm-up after start', () => {
  it('leaves nothing in the page and keeps the first rows read for the first tap', async () => {
    const { db, ids } = await market();
    const before = document.body.innerHTML;
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    try {
      await warmStallsScreen('m-warm', () => false);
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).toEqual([]);
    expect(document.body.innerHTML).toBe(before);
    // The rendered row's at once, the others as their reads (started together) come in.
    expect(isReadAhead(ids[0]!, db)).toBe(true);
    await vi.waitFor(() => {
      for (const id of ids) expect(isReadAhead(id, db)).toBe(true);
    });
    readAhead([], { db }); // the next test starts with nothing wanted
  });

  it('does nothing once the tutor has tapped', async () => {
    const { db, ids } = await market();
    await warmStallsScreen('m-warm', () => true);
    for (const id of ids) expect(isReadAhead(id, db)).toBe(false);
  });

  it('stops after the list when the tutor taps during it', async () => {
    await market();
    let checks = 0;
    const before = document.body.innerHTML;
    // Not tapped while it reads; tapped while the list renders: it asks once more, before the stall, and stops.
    await warmStallsScreen('m-warm', () => ++checks > 1);
    expect(checks).toBe(2);
    expect(document.body.innerHTML).toBe(before);
  });

  it('stops where the tutor taps, and keeps no detail it rendered', async () => {
    const { db, ids } = await market();
    let checks = 0;
    // Not tapped while it reads and renders; tapped before its hidden layout.
    await warmStallsScreen('m-warm', () => ++checks > 2);
    expect(checks).toBeGreaterThan(2);
    // The first row's detail was rendered and unmounted without being wanted ahead of a tap: dropped (the list,
    // once shown, reads its rows again).
    expect(isReadAhead(ids[0]!, db)).toBe(false);
  });
});
