import { describe, expect, it } from 'vitest';
import { backoffDelay, BACKOFF_CAP_MS, parseRetryAfter, retryDelay } from './backoff';

describe('backoff', () => {
  it('grows exponentially, is jittered over the whole range, and is capped', () => {
    expect(backoffDelay(0, () => 1)).toBe(2_000);
    expect(backoffDelay(1, () => 1)).toBe(4_000);
    expect(backoffDelay(3, () => 0.5)).toBe(8_000);
    expect(backoffDelay(40, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(40, () => 0.999)).toBeLessThan(BACKOFF_CAP_MS);
    // full jitter: a low draw gives a short wait, but never a zero-delay storm
    expect(backoffDelay(10, () => 0)).toBe(250);
    const draws = new Set([0.1, 0.4, 0.7].map((r) => backoffDelay(5, () => r)));
    expect(draws.size).toBe(3);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('never retries earlier than the server asked', () => {
    expect(retryDelay(0, () => 0.1, 90_000)).toBe(90_000);
    expect(retryDelay(0, () => 1, null)).toBe(2_000);
    expect(retryDelay(8, () => 1, 1_000)).toBe(BACKOFF_CAP_MS);
  });
});
