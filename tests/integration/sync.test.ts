// @vitest-environment node
// The app's real sync engine (its own IndexedDB per tablet) against the real server in-process, on SQLite
// and on PostgreSQL: offline drain, lost responses, per-field merge, note conflicts, delete rule,
// needs attention, revocation, market isolation, read-your-writes and convergence.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { mutate } from '../../src/app/db/mutate';
import { setMeta } from '../../src/app/db/meta';
import { createMarket, revokeDevice } from '../../src/server/admin/commands';
import { engines, useServer } from '../server/harness';
import { noteFields, serverSnapshot, stallFields, tablet, tabletSnapshot, type Tablet } from './tablets';

const syncAll = async (...ts: Tablet[]) => {
  for (const t of ts) await t.engine.syncNow();
};

describe.each(engines('app sync client against the real server'))('tablets syncing on %s', (engine) => {
  const fx = useServer(engine);
  const newTablet = (name: string) => tablet(fx.get().server, fx.get().marketId, name);

  async function expectConverged(...ts: Tablet[]) {
    await syncAll(...ts);
    await syncAll(...ts);
    const server = await serverSnapshot(fx.get().server, fx.get().marketId);
    for (const t of ts) {
      expect(await t.db.outbox.count()).toBe(0);
      expect(await tabletSnapshot(t.db)).toEqual(server);
    }
  }

  it('drains edits made offline once the connection is back, and the other tablet sees them', async () => {
    const a = await newTablet('A1');
    const b = await newTablet('B1');
    a.online = false;
    await mutate(a.db, { entity: 'stall', id: `off-s1-${engine}`, fields: stallFields('오프라인상회') });
    await mutate(a.db, {
      entity: 'note',
      id: `off-n1-${engine}`,
      fields: noteFields(`off-s1-${engine}`, '채널 만들기'),
    });
    const offline = await a.engine.syncNow();
    expect(offline).toMatchObject({ mode: 'offline', pendingCount: 2 });
    a.online = true;
    expect(await a.engine.syncNow()).toMatchObject({ mode: 'online', pendingCount: 0, lastError: null });
    await b.engine.syncNow();
    expect((await b.db.notes.get(`off-n1-${engine}`))?.taught).toBe('채널 만들기');
    await expectConverged(a, b);
  });

  it('applies a push once when its response is lost and the push is retried', async () => {
    const a = await newTablet('A2');
    await mutate(a.db, { entity: 'stall', id: `lost-s-${engine}`, fields: stallFields('유실상회') });
    const [entry] = await a.db.outbox.toArray();
    a.loseNext = 'push';
    expect(await a.engine.syncNow()).toMatchObject({ mode: 'offline', pendingCount: 1 });
    expect(await a.engine.syncNow()).toMatchObject({ mode: 'online', pendingCount: 0, needsAttention: 0 });
    expect(a.requests.filter((r) => r === 'push')).toHaveLength(2);
    expect(await fx.get().server.storage.countAudit(fx.get().marketId, entry!.changeId)).toBe(1);
  });

  it('keeps both changes when two tablets edit different fields of one stall', async () => {
    const a = await newTablet('A3');
    const b = await newTablet('B3');
    const id = `fields-${engine}`;
    await mutate(a.db, { entity: 'stall', id, fields: stallFields('둘이상회') });
    await syncAll(a, b);
    // A non-personal field: a merchant's phone needs a consent on record (the server refuses it without).
    await mutate(a.db, { entity: 'stall', id, fields: { landmark: '정문 옆 파란 간판' } });
    await mutate(b.db, { entity: 'stall', id, fields: { floor: '2' } });
    await syncAll(a, b, a);
    for (const t of [a, b])
      expect(await t.db.stalls.get(id)).toMatchObject({ landmark: '정문 옆 파란 간판', floor: '2' });
    await expectConverged(a, b);
  });

  it('keeps both texts when two tablets edit one note: a conflict copy visible on both', async () => {
    const a = await newTablet('A4');
    const b = await newTablet('B4');
    const id = `note-${engine}`;
    await mutate(a.db, { entity: 'note', id, fields: noteFields('s-x', '처음 글') });
    await syncAll(a, b);
    await mutate(a.db, { entity: 'note', id, fields: { taught: 'A가 고친 글' } });
    await mutate(b.db, { entity: 'note', id, fields: { taught: 'B가 고친 글' } });
    await syncAll(a, b, a);
    for (const t of [a, b]) {
      const texts = (await t.db.notes.toArray()).filter((n) => n.id === id || n.conflictOf === id).map((n) => n.taught);
      expect(texts.sort()).toEqual(['A가 고친 글', 'B가 고친 글']);
      expect(t.engine.getStatus().conflicts).toBe(1);
    }
    await expectConverged(a, b);
  });

  it('resolves a delete and a concurrent edit by the rule: the delete wins, a note keeps the edited text', async () => {
    const a = await newTablet('A5');
    const b = await newTablet('B5');
    const sid = `del-s-${engine}`;
    const nid = `del-n-${engine}`;
    await mutate(a.db, { entity: 'stall', id: sid, fields: stallFields('지울상회') });
    await mutate(a.db, { entity: 'note', id: nid, fields: noteFields(sid, '지울 메모') });
    await syncAll(a, b);
    await mutate(a.db, { entity: 'stall', id: sid, op: 'delete' });
    await mutate(a.db, { entity: 'note', id: nid, op: 'delete' });
    await mutate(b.db, { entity: 'stall', id: sid, fields: { name: '살릴상회' } });
    await mutate(b.db, { entity: 'note', id: nid, fields: { taught: 'B가 지키려는 글' } });
    await syncAll(a, b, a);
    for (const t of [a, b]) {
      expect((await t.db.stalls.get(sid))?.deleted).toBe(true);
      expect((await t.db.notes.get(nid))?.deleted).toBe(true);
      const rescued = (await t.db.notes.toArray()).find((n) => n.conflictOf === nid && !n.deleted);
      expect(rescued?.taught).toBe('B가 지키려는 글');
    }
    await expectConverged(a, b);
  });

  it('puts a change the server rejects in needs attention, and the rest of the queue goes on', async () => {
    const a = await newTablet('A6');
    const { marketId } = fx.get();
    await mutate(a.db, { entity: 'stall', id: `rej-1-${engine}`, fields: stallFields('앞') });
    // Renaming the market is for a lead tutor: this tutor's change is refused by the server's policy.
    await mutate(a.db, { entity: 'market', id: marketId, fields: { name: '바꾸면 안 되는 이름' } });
    await mutate(a.db, { entity: 'stall', id: `rej-2-${engine}`, fields: stallFields('뒤') });
    const status = await a.engine.syncNow();
    expect(status).toMatchObject({ mode: 'online', pendingCount: 0, needsAttention: 1 });
    const [rejected] = await a.db.rejected.toArray();
    expect(rejected).toMatchObject({ entity: 'market', reasonKo: '이 시장의 리드 튜터만 할 수 있습니다' });
    const server = await serverSnapshot(fx.get().server, marketId);
    expect(server).toHaveProperty(`stall:rej-1-${engine}`);
    expect(server).toHaveProperty(`stall:rej-2-${engine}`);
    await a.engine.discardRejected(rejected!.seq!, { rollback: true });
    expect((await a.db.markets.get(marketId))?.name).toBe('테스트시장');
  });

  it('stops a revoked tablet and says so', async () => {
    const a = await newTablet('A7');
    await revokeDevice(fx.get().server.storage, a.deviceId);
    await mutate(a.db, { entity: 'stall', id: `rev-${engine}`, fields: stallFields('해제상회') });
    const status = await a.engine.syncNow();
    expect(status).toMatchObject({ mode: 'revoked', lastError: { kind: 'revoked' }, pendingCount: 1 });
    expect(status.lastError?.messageKo).toContain('해제');
    expect(await serverSnapshot(fx.get().server, fx.get().marketId)).not.toHaveProperty(`stall:rev-${engine}`);
  });

  it('keeps markets apart: another market never sees these records and cannot write them (403)', async () => {
    const a = await newTablet('A8');
    const { server, marketId } = fx.get();
    const other = await createMarket(server.storage, { name: '다른시장', type: '건물형', schedule: '5일장' });
    const c = await tablet(server, other.id, 'C8');
    const id = `iso-${engine}`;
    await mutate(a.db, { entity: 'stall', id, fields: stallFields('우리상회') });
    await syncAll(a, c);
    expect(await c.db.stalls.get(id)).toBeUndefined();
    await mutate(c.db, { entity: 'stall', id, fields: stallFields('남의상회') });
    await mutate(c.db, { entity: 'stall', id: `${id}-c`, fields: stallFields('C상회') });
    const status = await c.engine.syncNow();
    expect(status).toMatchObject({ pendingCount: 0, needsAttention: 1 });
    expect((await c.db.rejected.toArray())[0]).toMatchObject({ recordId: id, code: 'forbidden' });
    expect((await server.storage.getRecord('stall', id))?.data.name).toBe('우리상회');
    expect((await server.storage.getRecord('stall', `${id}-c`))?.marketId).toBe(other.id);
    const serverA = await serverSnapshot(server, marketId);
    expect(serverA).not.toHaveProperty(`stall:${id}-c`);
  });

  it('never reverts a change still queued when a pull brings a newer value, then converges', async () => {
    const a = await newTablet('A9');
    const b = await newTablet('B9');
    const id = `ryw-${engine}`;
    await mutate(a.db, { entity: 'stall', id, fields: stallFields('처음') });
    await syncAll(a, b);
    // B's clock runs ahead (an hour fast): its edit wins by the clock everywhere.
    await setMeta(b.db, 'hlc', { wall: Date.now() + 3_600_000, counter: 0 });
    await mutate(b.db, { entity: 'stall', id, fields: { name: 'B의 이름' } });
    await b.engine.syncNow();
    a.beforePull = async () => {
      await mutate(a.db, { entity: 'stall', id, fields: { name: 'A가 방금 쓴 이름' } });
    };
    await a.engine.syncNow();
    expect(await a.db.outbox.count()).toBe(1);
    expect((await a.db.stalls.get(id))?.name).toBe('A가 방금 쓴 이름');
    await expectConverged(a, b);
    expect((await a.db.stalls.get(id))?.name).toBe('B의 이름');
  });
});
