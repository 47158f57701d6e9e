// Tutor PINs on the shared tablet: PBKDF2-SHA-256 through WebCrypto, salted, never stored or sent in clear.
// Only pinHash/pinSalt/pinIterations live on the (synced) tutor record, so a tutor signs in on any tablet.
// Wrong PINs slow down (0,0,0,2,4,8 s) and lock the profile (locked:true, synced) until a lead unlocks it.
import type { Tutor } from '../../../domain';
import type { DangolDb } from '../database';
import { ValidationError } from '../errors';
import { mutate } from '../mutate';
import { getTutor } from './tutors';
import { markSignedIn } from './tablet-lock';

/** Iterations for new PINs (OWASP 2023 figure for PBKDF2-HMAC-SHA256). Tests pass a lower count. */
export const PIN_ITERATIONS = 310_000;
export const PIN_SALT_BYTES = 16;
/** Failures in a row after which the profile locks until a lead unlocks it. */
export const MAX_PIN_FAILURES = 6;

export interface PinRecord {
  pinHash: string;
  pinSalt: string;
  pinIterations: number;
}

export function isValidPin(pin: string): boolean {
  return /^[0-9]{4,6}$/.test(pin);
}

/** Seconds a tutor must wait before the next try after `failures` wrong PINs in a row: 0,0,0,2,4,8,16... */
export function pinDelaySeconds(failures: number): number {
  return failures < 3 ? 0 : 2 ** (failures - 2);
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export async function derivePinBytes(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** A fresh salt and the derived hash of `pin`. Throws ValidationError for anything but 4-6 digits. */
export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinRecord> {
  if (!isValidPin(pin)) throw new ValidationError('A PIN is 4 to 6 digits', 'PIN은 숫자 4~6자리입니다');
  const salt = crypto.getRandomValues(new Uint8Array(PIN_SALT_BYTES));
  const hash = await derivePinBytes(pin, salt, iterations);
  return { pinHash: toBase64(hash), pinSalt: toBase64(salt), pinIterations: iterations };
}

/** Compares every byte whatever the first difference, so timing tells nothing about the PIN. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export async function verifyPin(record: Pick<Tutor, 'pinHash' | 'pinSalt' | 'pinIterations'>, pin: string) {
  if (!record.pinHash || !record.pinSalt || record.pinIterations < 1 || !isValidPin(pin)) return false;
  const derived = await derivePinBytes(pin, fromBase64(record.pinSalt), record.pinIterations);
  return constantTimeEqual(derived, fromBase64(record.pinHash));
}

// Wrong-PIN counters are per tablet and local (meta), never synced; the lock itself is synced.
interface Failures {
  count: number;
  lastAt: number;
}
const failureKey = (tutorId: string) => `auth.failures:${tutorId}`;

export async function readFailures(db: DangolDb, tutorId: string): Promise<Failures> {
  const row = await db.meta.get(failureKey(tutorId));
  return (row?.value as Failures | undefined) ?? { count: 0, lastAt: 0 };
}

export async function clearFailures(db: DangolDb, tutorId: string): Promise<void> {
  await db.meta.delete(failureKey(tutorId));
}

export type SignInResult =
  | { ok: true }
  | { ok: false; reason: 'unknown' | 'inactive' | 'locked' | 'no_pin' }
  | { ok: false; reason: 'wait'; waitSeconds: number }
  | { ok: false; reason: 'wrong'; failures: number; waitSeconds: number };

/** Try `pin` for `tutorId`; on success the tutor is signed in and the tablet unlocked. */
export async function signIn(db: DangolDb, tutorId: string, pin: string, now = Date.now()): Promise<SignInResult> {
  const tutor = await getTutor(db, tutorId);
  if (!tutor) return { ok: false, reason: 'unknown' };
  if (!tutor.active || tutor.deleted) return { ok: false, reason: 'inactive' };
  if (tutor.locked) return { ok: false, reason: 'locked' };
  if (!tutor.pinHash) return { ok: false, reason: 'no_pin' };
  const failures = await readFailures(db, tutorId);
  const waitMs = pinDelaySeconds(failures.count) * 1000 - (now - failures.lastAt);
  if (waitMs > 0) return { ok: false, reason: 'wait', waitSeconds: Math.ceil(waitMs / 1000) };
  if (await verifyPin(tutor, pin)) {
    await clearFailures(db, tutorId);
    await markSignedIn(db, tutorId, now);
    return { ok: true };
  }
  const count = failures.count + 1;
  if (count >= MAX_PIN_FAILURES) {
    await mutate(db, { entity: 'tutor', id: tutorId, fields: { locked: true } });
    await clearFailures(db, tutorId);
    return { ok: false, reason: 'locked' };
  }
  await db.meta.put({ key: failureKey(tutorId), value: { count, lastAt: now } satisfies Failures });
  return { ok: false, reason: 'wrong', failures: count, waitSeconds: pinDelaySeconds(count) };
}

/**
 * A tutor sets their own PIN: the first time with no current PIN, later only with the current one.
 * Writes only the derived hash, salt and iteration count (synced as the tutor's own change).
 */
export async function setOwnPin(
  db: DangolDb,
  tutorId: string,
  currentPin: string | null,
  newPin: string,
  iterations = PIN_ITERATIONS,
): Promise<void> {
  const tutor = await getTutor(db, tutorId);
  if (!tutor || !tutor.active || tutor.deleted) throw new ValidationError('Unknown tutor', '없는 튜터입니다');
  if (tutor.locked) throw new ValidationError('This profile is locked', '잠긴 프로필입니다');
  if (tutor.pinHash && !(currentPin !== null && (await verifyPin(tutor, currentPin)))) {
    throw new ValidationError('The current PIN is wrong', '지금 PIN이 틀렸습니다');
  }
  const record = await hashPin(newPin, iterations);
  await mutate(db, { entity: 'tutor', id: tutorId, fields: record, tutorId });
}

/** A lead gives another tutor a new PIN (and unlocks the profile). */
export async function resetPinByLead(
  db: DangolDb,
  leadId: string,
  tutorId: string,
  newPin: string,
  iterations = PIN_ITERATIONS,
): Promise<void> {
  await assertLead(db, leadId);
  const record = await hashPin(newPin, iterations);
  await mutate(db, { entity: 'tutor', id: tutorId, fields: { ...record, locked: false }, tutorId: leadId });
  await clearFailures(db, tutorId);
}

/** Throws unless `leadId` is an active lead of this tablet's market (the server checks it again). */
export async function assertLead(db: DangolDb, leadId: string | null | undefined): Promise<Tutor> {
  const lead = leadId ? await getTutor(db, leadId) : undefined;
  if (!lead || lead.role !== 'lead' || !lead.active || lead.deleted || lead.locked) {
    throw new ValidationError('Only a lead tutor can do this', '리드 튜터만 할 수 있습니다');
  }
  return lead;
}
