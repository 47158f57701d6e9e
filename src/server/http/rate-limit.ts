// A fixed-window limit per client address, for enrollment attempts (guessing codes). In memory: each
// server instance counts its own clients, which is enough to make guessing an 8-character code hopeless.
import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { HttpError } from './http-error';

export interface RateLimitOptions {
  limit: number;
  windowMs: number;
  /** Take the client address from X-Forwarded-For (only behind a trusted proxy). */
  trustProxy?: boolean;
}

export function rateLimit(opts: RateLimitOptions): MiddlewareHandler {
  const hits = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const forwarded = opts.trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
    let key = forwarded ?? 'unknown';
    if (!forwarded) {
      try {
        key = getConnInfo(c).remote.address ?? 'unknown';
      } catch {
        key = 'unknown';
      }
    }
    const now = Date.now();
    if (hits.size > 10_000) {
      for (const [k, v] of hits) if (now - v.start >= opts.windowMs) hits.delete(k);
    }
    let entry = hits.get(key);
    if (!entry || now - entry.start >= opts.windowMs) {
      entry = { start: now, count: 0 };
      hits.set(key, entry);
    }
    entry.count += 1;
    if (entry.count > opts.limit) {
      const retryAfter = Math.max(1, Math.ceil((entry.start + opts.windowMs - now) / 1000));
      throw new HttpError(
        429,
        'rate_limited',
        `Too many attempts; wait ${retryAfter} seconds and try again`,
        `시도가 너무 많습니다. ${retryAfter}초 뒤에 다시 해 보세요`,
        { 'Retry-After': String(retryAfter) },
      );
    }
    await next();
  };
}
