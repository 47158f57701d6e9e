import { beforeEach, describe, expect, it } from 'vitest';
import { DangolDb, setDb } from '../database';
import { setMeta } from '../meta';
import { mutate } from '../mutate';
import { exportMarketData, readWipeStatus, wipeMarketData, wipeTablet } from './device';
import { saveDraft } from './drafts';
import { seedMarket, seedTutor } from '../../../../tests/shared-tablet/seed';

let db: DangolDb;
beforeEach(async () => {
  db = new DangolDb(`t-${crypto.randomUUID()}`);
  setDb(db);
  await setMeta(db, 'marketId', 'm-test');
  await setMeta(db, 'language', 'en');
  await seedMarket(db);
  await seedTutor(db, 'tu1', '박튜터');
  await saveDraft(db, 'tu1', '/stalls/x', [{ key: 'textarea:taught', value: '초안' }]);
});

async function rowsLeft(): Promise<number> {
  let n = 0;
  for (const t of db.tables) n += await t.count();
  return n;
}

describe('device lifecycle', () => {
  it('refuses to wipe while changes are unsynced, and changes nothing', async () => {
    const before = await rowsLeft();
    const status = await readWipeStatus(db);
    expect(status).toMatchObject({ pending: 2, canWipe: false, lastExport: null });
    await expect(wipeTablet(db)).rejects.toThrow(/not synced|동기화/);
    expect(await rowsLeft()).toBe(before);
  });

  it('wipes after an export that covered the unsynced changes, to a clean slate', async () => {
    const data = await exportMarketData(db);
    expect(data.tables.outbox).toHaveLength(2);
    expect(JSON.stringify(data.tables.tutors)).toContain('박튜터');
    expect(data.tables.tutors.every((t) => t.pinHash === null)).toBe(true);
    expect(data.report).toMatchObject({ unsyncedChanges: 2, stalls: 0 });
    // A change made after the export is not covered: refused again.
    await mutate(db, { entity: 'tutor', id: 'tu1', fields: { name: '박튜터2' } });
    expect((await readWipeStatus(db)).canWipe).toBe(false);
    await exportMarketData(db);
    expect((await readWipeStatus(db)).canWipe).toBe(true);
    await wipeTablet(db);
    expect(await rowsLeft()).toBe(0);
  });

  it('wipes right away once everything is synced (empty outbox)', async () => {
    await db.outbox.clear();
    await wipeTablet(db);
    expect(await rowsLeft()).toBe(0);
  });

  it('a revoked tablet drops every market record and pending change, keeping only the language', async () => {
    await wipeMarketData(db);
    expect(await db.meta.toArray()).toEqual([{ key: 'language', value: 'en' }]);
    expect(await rowsLeft()).toBe(1);
  });
});
