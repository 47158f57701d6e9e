// Tablets on an old Dexie schema for the upgrade tests: a frozen schema opened with plain Dexie, filled
// with rows made by the real app (records, clocks, meta with enrollment, pending outbox entries), and a
// test-only next version of DangolDb (one more index, an upgrade that rewrites every note) that can be
// interrupted half-way like a tab closed during the upgrade.
import Dexie, { type Transaction } from 'dexie';
import { DangolDb } from '../../src/app/db/database';
import { DEXIE_VERSIONS, LATEST_SHIPPED, type Stores } from './dexie-versions';

export type Rows = Record<string, unknown[]>;

/** A plain Dexie declaring the shipped versions up to `version`, exactly as frozen. */
export function openFrozen(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (const [v, stores] of Object.entries(DEXIE_VERSIONS)) {
    if (Number(v) <= version) db.version(Number(v)).stores(stores as Record<string, string>);
  }
  return db;
}

export async function readAll(db: Dexie): Promise<Rows> {
  if (!db.isOpen()) await db.open();
  const out: Rows = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

/** Write rows into a database (its tables must exist): an old tablet's content. */
export async function writeAll(db: Dexie, rows: Rows): Promise<void> {
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const t of db.tables) await t.bulkPut(rows[t.name] ?? []);
  });
}

/** Controls the test-only next version's upgrade. */
export const nextUpgrade = { rewritten: 0, interruptAfter: Infinity as number };

/** The index the test-only next version adds (notes by tutor). */
export const NEXT_STORES: Stores = {
  ...DEXIE_VERSIONS[LATEST_SHIPPED],
  notes: `${DEXIE_VERSIONS[LATEST_SHIPPED]?.notes ?? ''}, tutorId`,
};

/**
 * DangolDb plus one version, as the next release would add it: ONE line to change when a real version 2
 * ships (it moves into DEXIE_VERSIONS and this class tests version 3).
 */
export class NextVersionDb extends DangolDb {
  constructor(name: string) {
    super(name);
    this.version(LATEST_SHIPPED + 1)
      .stores(NEXT_STORES as Record<string, string>)
      .upgrade(async (tx: Transaction) => {
        const notes = await tx.table('notes').toArray();
        for (const n of notes) {
          if (nextUpgrade.rewritten >= nextUpgrade.interruptAfter) {
            tx.abort(); // the tab is closed half-way through the upgrade
            return;
          }
          await tx.table('notes').put(n);
          nextUpgrade.rewritten += 1;
        }
      });
  }
}
