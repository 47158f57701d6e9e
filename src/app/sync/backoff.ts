// Retry timing (SYNC.md 6): exponential backoff with full jitter, capped, never earlier than Retry-After.

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;
/** A Retry-After longer than this is treated as this (a broken header must not silence sync for days). */
export const RETRY_AFTER_MAX_MS = 60 * 60_000;

/** Delay before retry number `attempt` (0-based): uniform in [0, min(cap, base * 2^attempt)]. */
export function backoffDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 30));
  const r = Math.min(Math.max(random(), 0), 1);
  // Never zero: a retry storm against a failing server helps nobody.
  return Math.max(250, Math.floor(r * ceiling));
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date. Null when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: number): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Math.min(Number(value) * 1000, RETRY_AFTER_MAX_MS);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now), RETRY_AFTER_MAX_MS);
}

/** The delay to wait: the jittered backoff, but never less than the server asked for. */
export function retryDelay(attempt: number, random: () => number, retryAfterMs: number | null): number {
  const jittered = backoffDelay(attempt, random);
  return retryAfterMs === null ? jittered : Math.max(jittered, retryAfterMs);
}
