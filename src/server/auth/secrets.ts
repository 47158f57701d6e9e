// Device tokens and enrollment codes: how they are made and how they are kept (only as hashes).
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';

/**
 * SHA-256 is the right hash here, not a slow password hash: a device token is 32 random bytes (256 bits)
 * and cannot be guessed or brute-forced from its hash, so slowness would only cost every request time.
 * Slow hashes exist for low-entropy human passwords. Enrollment codes are short, but they also expire
 * within the hour, work once and their endpoint is rate-limited.
 */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newDeviceId(): string {
  return `dev_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
}

/** No 0/O, 1/I/L, 5/S, 8/B: easy to read off a screen and type on a tablet. */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXYZ2345679';
export const CODE_LENGTH = 8;

/** An 8-character code shown as ABCD-EFGH. */
export function newEnrollmentCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a tutor typed, in the form the hash is taken of: upper case, without spaces or dashes. */
export function normalizeEnrollmentCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function hashEnrollmentCode(input: string): string {
  return sha256(`enroll:${normalizeEnrollmentCode(input)}`);
}
