// One HTTP exchange with the Dangol server, classified (SYNC.md 6): ok with a zod-parsed body, or a failure
// that says whether to retry (network, 5xx, 429 with Retry-After) or stop (401, 403, 4xx).
import type { z } from 'zod';
import { ErrorBodySchema } from '../../domain';
import { safeParseFast } from '../../domain/accepts';
import { parseRetryAfter } from './backoff';
import type { SyncError } from './types';

export const REQUEST_TIMEOUT_MS = 30_000;

export type HttpResult<T> =
  { ok: true; body: T } | { ok: false; error: SyncError; retryable: boolean; retryAfterMs: number | null };

export interface HttpRequest<T> {
  fetch: typeof fetch;
  now: () => number;
  url: string;
  method: 'GET' | 'POST';
  token?: string;
  body?: unknown;
  /** The body already serialized as JSON, as text or UTF-8 (sent as is instead of `body`). */
  json?: string | Uint8Array<ArrayBuffer>;
  schema: z.ZodType<T>;
}

/** Base URL of the API: the configured server, or the app's own origin. */
export function apiUrl(serverUrl: string, path: string): string {
  const base = serverUrl.trim().replace(/\/+$/, '');
  return `${base}${path}`;
}

async function readError(res: Response): Promise<Pick<SyncError, 'message' | 'messageKo'> & { code?: string }> {
  try {
    const parsed = ErrorBodySchema.safeParse(await res.json());
    if (parsed.success) {
      const { code, message, messageKo } = parsed.data.error;
      return { code, message, ...(messageKo ? { messageKo } : {}) };
    }
  } catch {
    // not JSON: the status alone has to do
  }
  return {};
}

export async function request<T>(req: HttpRequest<T>): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (req.token) headers.Authorization = `Bearer ${req.token}`;
  const text = req.json ?? (req.body !== undefined ? JSON.stringify(req.body) : undefined);
  if (text !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await req.fetch(req.url, {
      method: req.method,
      headers,
      ...(text !== undefined ? { body: text } : {}),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      cache: 'no-store',
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { kind: 'network', message }, retryable: true, retryAfterMs: null };
  }
  if (res.ok) {
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      return fail({ kind: 'bad_response', status: res.status, message: 'Response is not JSON' }, true);
    }
    // A predicate compiled from the schema answers first (src/domain/accepts.ts); zod parses anything else.
    const parsed = safeParseFast(req.schema, json);
    if (!parsed.success) {
      return fail({ kind: 'bad_response', status: res.status, message: parsed.error.message }, true);
    }
    return { ok: true, body: parsed.data };
  }
  const info = await readError(res);
  const base = { status: res.status, ...info };
  if (res.status === 429) {
    return {
      ok: false,
      error: { ...base, kind: 'rate_limited' },
      retryable: true,
      retryAfterMs: parseRetryAfter(res.headers.get('Retry-After'), req.now()),
    };
  }
  if (res.status >= 500) {
    return {
      ok: false,
      error: { ...base, kind: 'server' },
      retryable: true,
      retryAfterMs: parseRetryAfter(res.headers.get('Retry-After'), req.now()),
    };
  }
  if (res.status === 401) {
    const kind = info.code === 'device_revoked' ? 'revoked' : 'unauthorized';
    return fail({ ...base, kind }, false);
  }
  if (res.status === 403) return fail({ ...base, kind: 'forbidden' }, false);
  return fail({ ...base, kind: 'bad_request' }, false);
}

function fail<T>(error: SyncError & { code?: string }, retryable: boolean): HttpResult<T> {
  return { ok: false, error, retryable, retryAfterMs: null };
}
