// A backup written before markets had market days still imports (the market reads as a daily one), and one
// written after keeps a 5일장's days; a market-days value that is not a pair is refused, naming where.
import { describe, expect, it } from 'vitest';
import { DangolDb } from '../database';
import { setMeta } from '../meta';
import { mutate } from '../mutate';
import { exportBackup, importBackup, parseBackup } from './backup';

async function tabletWithMarket(marketDays?: '2·7') {
  const db = new DangolDb(`bk-${crypto.randomUUID()}`);
  await setMeta(db, 'marketId', 'm1');
  await mutate(db, {
    entity: 'market',
    id: 'm1',
    tutorId: null,
    fields: {
      name: '장터시장',
      type: '골목형',
      schedule: '5일장',
      ...(marketDays ? { marketDays } : {}),
      address: '',
      demo: false,
      autoLockMinutes: 5,
      deleted: false,
    },
  });
  return db;
}

describe('backups and market days', () => {
  it('imports a backup whose market has no market days, as a market without them', async () => {
    const old = JSON.stringify(await exportBackup(await tabletWithMarket()));
    expect(old).not.toContain('marketDays');
    const target = new DangolDb(`bk-${crypto.randomUUID()}`);
    await importBackup(target, parseBackup(old));
    expect(await target.markets.get('m1')).toMatchObject({ schedule: '5일장', marketDays: '' });
  });

  it("keeps a 5일장's market days through export and import, and refuses one that is not a pair", async () => {
    const text = JSON.stringify(await exportBackup(await tabletWithMarket('2·7')));
    const target = new DangolDb(`bk-${crypto.randomUUID()}`);
    await importBackup(target, parseBackup(text));
    expect(await target.markets.get('m1')).toMatchObject({ marketDays: '2·7' });
    expect(() => parseBackup(text.replace('"marketDays":"2·7"', '"marketDays":"7·2"'))).toThrow(
      expect.objectContaining({ problem: { kind: 'invalid', where: 'tables.markets.0.marketDays' } }),
    );
  });
});
