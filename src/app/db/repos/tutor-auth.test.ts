import { beforeEach, describe, expect, it } from 'vitest';
import { DangolDb, setDb } from '../database';
import { setMeta } from '../meta';
import { mutate } from '../mutate';
import {
  constantTimeEqual,
  hashPin,
  MAX_PIN_FAILURES,
  pinDelaySeconds,
  PIN_ITERATIONS,
  resetPinByLead,
  setOwnPin,
  signIn,
  verifyPin,
} from './tutor-auth';
import { getTutor } from './tutors';
import { readLockState, lockTablet } from './tablet-lock';
import { unlockTutor } from './tutor-admin';
import { seedMarket, seedTutor, TEST_ITERATIONS } from '../../../../tests/shared-tablet/seed';
import { holdsClearPin } from '../../../../tests/support/clear-pin';

let db: DangolDb;
beforeEach(async () => {
  db = new DangolDb(`t-${crypto.randomUUID()}`);
  setDb(db);
  await setMeta(db, 'marketId', 'm-test');
  await seedMarket(db);
  await seedTutor(db, 'lead1', '김리드', { role: 'lead', pin: '9999' });
  await seedTutor(db, 'tu1', '박튜터', { pin: '2468' });
});

async function dumpAll(): Promise<string> {
  const out: unknown[] = [];
  for (const table of db.tables) out.push(await table.toArray());
  return JSON.stringify(out);
}

describe('PIN derivation', () => {
  it('uses PBKDF2 with a random 16-byte salt and verifies only the right PIN', async () => {
    const a = await hashPin('482913', 2000);
    const b = await hashPin('482913', 2000);
    expect(a.pinSalt).not.toBe(b.pinSalt);
    expect(a.pinHash).not.toBe(b.pinHash);
    expect(atob(a.pinSalt)).toHaveLength(16);
    expect(atob(a.pinHash)).toHaveLength(32);
    expect(a.pinIterations).toBe(2000);
    expect(await verifyPin(a, '482913')).toBe(true);
    expect(await verifyPin(a, '482914')).toBe(false);
    expect(await verifyPin({ ...a, pinIterations: 2001 }, '482913')).toBe(false);
  });

  it('defaults to a strong iteration count', () => {
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(310_000);
  });

  it('refuses PINs that are not 4-6 digits', async () => {
    for (const bad of ['123', '1234567', 'abcd', '12 34', '']) await expect(hashPin(bad, 10)).rejects.toThrow();
  });

  it('compares in constant time over every byte', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
  });

  it('never keeps the clear PIN in IndexedDB nor in a queued change', async () => {
    await setOwnPin(db, 'tu1', '2468', '735194', TEST_ITERATIONS);
    expect((await signIn(db, 'tu1', '735194')).ok).toBe(true);
    await resetPinByLead(db, 'lead1', 'tu1', '864209', TEST_ITERATIONS);
    const all = await dumpAll();
    for (const pin of ['735194', '864209', '2468', '9999']) expect(holdsClearPin(all, pin)).toBe(false);
    const pushed = JSON.stringify((await db.outbox.toArray()).map((e) => e.change));
    expect(pushed).toContain('pinHash');
    for (const pin of ['735194', '864209']) expect(holdsClearPin(pushed, pin)).toBe(false);
  });
});

describe('sign-in, slow-down and lock-out', () => {
  it('signs the tutor in and unlocks the tablet', async () => {
    await lockTablet(db);
    expect((await readLockState(db)).locked).toBe(true);
    expect(await signIn(db, 'tu1', '2468')).toEqual({ ok: true });
    const state = await readLockState(db);
    expect(state.locked).toBe(false);
    expect(state.tutor?.id).toBe('tu1');
  });

  it('slows down after three wrong PINs and locks the profile after the maximum', async () => {
    let now = 1_000_000;
    const delays: number[] = [];
    for (let i = 1; i < MAX_PIN_FAILURES; i++) {
      const r = await signIn(db, 'tu1', '0000', now);
      expect(r).toMatchObject({ ok: false, reason: 'wrong', failures: i });
      delays.push(r.ok === false && r.reason === 'wrong' ? r.waitSeconds : -1);
      if (pinDelaySeconds(i) > 0) {
        // Trying again too soon is refused without even checking the PIN, the right one included.
        expect(await signIn(db, 'tu1', '2468', now + 500)).toMatchObject({ reason: 'wait' });
      }
      now += pinDelaySeconds(i) * 1000;
    }
    expect(delays).toEqual([0, 0, 2, 4, 8]);
    expect(await signIn(db, 'tu1', '0000', now)).toEqual({ ok: false, reason: 'locked' });
    expect((await getTutor(db, 'tu1'))?.locked).toBe(true);
    // Locked: even the right PIN does not open it...
    expect(await signIn(db, 'tu1', '2468', now + 60_000)).toEqual({ ok: false, reason: 'locked' });
    const lockChange = (await db.outbox.toArray()).at(-1)?.change;
    expect(lockChange?.fields).toMatchObject({ locked: true });
    // ...until a lead unlocks it.
    await unlockTutor(db, 'lead1', 'tu1');
    expect(await signIn(db, 'tu1', '2468', now + 61_000)).toEqual({ ok: true });
  });

  it('needs the current PIN to change it; only a lead resets another tutor', async () => {
    await expect(setOwnPin(db, 'tu1', '1111', '5555', TEST_ITERATIONS)).rejects.toThrow(/PIN/);
    await expect(resetPinByLead(db, 'tu1', 'lead1', '5555', TEST_ITERATIONS)).rejects.toThrow(/lead/);
    expect(await signIn(db, 'lead1', '9999')).toEqual({ ok: true });
  });

  it('locks the tablet when the signed-in tutor is deactivated or locked elsewhere (synced)', async () => {
    expect(await signIn(db, 'tu1', '2468')).toEqual({ ok: true });
    expect((await readLockState(db)).locked).toBe(false);
    await mutate(db, { entity: 'tutor', id: 'tu1', fields: { active: false }, tutorId: 'lead1' });
    const state = await readLockState(db);
    expect(state.locked).toBe(true);
    expect(state.tutors.map((t) => t.id)).toEqual(['lead1']);
    expect(await signIn(db, 'tu1', '2468')).toEqual({ ok: false, reason: 'inactive' });
  });

  it('lets a tutor without a PIN set one first', async () => {
    await seedTutor(db, 'tu2', '최새내', { pin: null });
    expect(await signIn(db, 'tu2', '1234')).toEqual({ ok: false, reason: 'no_pin' });
    await setOwnPin(db, 'tu2', null, '1357', TEST_ITERATIONS);
    expect(await signIn(db, 'tu2', '1357')).toEqual({ ok: true });
  });
});
