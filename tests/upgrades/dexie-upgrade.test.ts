// @vitest-environment node
// Dexie schema upgrades: the current DangolDb matches the frozen copy of its latest shipped version; a
// tablet on every earlier version (and on the latest, upgraded to a test-only next version) holding data
// and pending outbox entries opens with the newer code, loses nothing, and its queue still syncs to the real
// server; an upgrade interrupted half-way (tab closed) leaves the old database intact and resumes next open.
import 'fake-indexeddb/auto';
import type Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DangolDb } from '../../src/app/db/database';
import { saveNote } from '../../src/app/db/repos/notes';
import { createStall, emptyStall } from '../../src/app/db/repos/stalls';
import { setStepStatus } from '../../src/app/db/repos/steps';
import { createSyncEngine } from '../../src/app/sync';
import { useServer } from '../server/harness';
import { tablet } from '../integration/tablets';
import { nextUpgrade, NextVersionDb, openFrozen, readAll, writeAll, type Rows } from './dexie-fixtures';
import { LATEST_SHIPPED, SHIPPED } from './dexie-versions';

function schemaOf(db: Dexie) {
  return Object.fromEntries(
    db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src).sort()]]),
  );
}

async function currentVersion(): Promise<number> {
  const db = new DangolDb(`probe-${crypto.randomUUID()}`);
  await db.open();
  const v = db.verno;
  db.close();
  return v;
}

const current = await currentVersion();
const PATHS = [
  ...SHIPPED.filter((v) => v < current).map((from) => ({
    label: `shipped v${from} to the current DangolDb (v${current})`,
    from,
    open: (name: string) => new DangolDb(name),
  })),
  {
    label: `latest shipped v${LATEST_SHIPPED} to a test-only v${LATEST_SHIPPED + 1}`,
    from: LATEST_SHIPPED,
    open: (name: string) => new NextVersionDb(name),
  },
];

describe('Dexie schema upgrades', () => {
  const fx = useServer('sqlite');

  it('DangolDb declares exactly the frozen copy of its latest shipped version', async () => {
    expect(current, 'a new DangolDb version must be copied into tests/upgrades/dexie-versions.ts').toBe(LATEST_SHIPPED);
    const app = new DangolDb(`cmp-${crypto.randomUUID()}`);
    await app.open();
    const frozen = openFrozen(`cmp-${crypto.randomUUID()}`, LATEST_SHIPPED);
    await frozen.open();
    expect(schemaOf(app)).toEqual(schemaOf(frozen));
  });

  /** A tablet of `from`'s schema with synced data and changes still queued, as rows of that schema. */
  async function oldTablet(from: number, name: string): Promise<Rows> {
    const t = await tablet(fx.get().server, fx.get().marketId, name);
    const stallId = await createStall(t.db, { ...emptyStall(), name: `${name} 상회` }, t.tutorId);
    await t.engine.syncNow();
    t.online = false;
    for (const text of ['첫 글', '둘째 글', '셋째 글']) {
      await saveNote(t.db, {
        stallId,
        text: { topics: [], taught: text, hard: '', nextStep: '', followUpDate: null },
        base: null,
        tutorId: t.tutorId,
      });
    }
    await setStepStatus(t.db, { stallId, no: 2, status: 'done', tutorId: t.tutorId });
    const rows = await readAll(t.db);
    t.engine.stop();
    t.db.close();
    expect(rows.outbox?.length).toBe(5);
    const old = openFrozen(`${name}-v${from}`, from);
    await writeAll(old, rows);
    old.close();
    return rows;
  }

  async function expectSyncs(db: DangolDb, rows: Rows) {
    const engine = createSyncEngine({
      db,
      locks: null,
      online: { isOnline: () => true, subscribe: () => () => {} },
      timers: { set: () => 0, clear: () => {} },
    });
    expect(await engine.syncNow()).toMatchObject({ pendingCount: 0, needsAttention: 0, lastError: null });
    for (const e of rows.outbox as { changeId: string }[]) {
      expect(await fx.get().server.storage.countAudit(fx.get().marketId, e.changeId)).toBe(1);
    }
  }

  it.each(PATHS)('$label: loses nothing and the pending changes still sync', async ({ from, open }) => {
    const name = `up-${from}-${crypto.randomUUID().slice(0, 6)}`;
    const rows = await oldTablet(from, name);
    nextUpgrade.interruptAfter = Infinity;
    const db = open(`${name}-v${from}`);
    expect(await readAll(db)).toEqual(rows);
    expect(db.verno).toBeGreaterThan(from);
    await expectSyncs(db, rows);
    db.close();
  });

  it('an upgrade interrupted half-way keeps the old database whole and completes on the next open', async () => {
    const name = `int-${crypto.randomUUID().slice(0, 6)}`;
    const from = LATEST_SHIPPED;
    const rows = await oldTablet(from, name);
    nextUpgrade.rewritten = 0;
    nextUpgrade.interruptAfter = 1;
    const first = new NextVersionDb(`${name}-v${from}`);
    await expect(first.open()).rejects.toThrow();
    expect(nextUpgrade.rewritten).toBe(1); // it really stopped in the middle
    first.close();

    const old = openFrozen(`${name}-v${from}`, from);
    expect(await readAll(old)).toEqual(rows);
    expect(old.verno).toBe(from);
    old.close();

    nextUpgrade.interruptAfter = Infinity;
    const again = new NextVersionDb(`${name}-v${from}`);
    expect(await readAll(again)).toEqual(rows);
    expect(again.verno).toBe(from + 1);
    await expectSyncs(again, rows);
    again.close();
  });
});
