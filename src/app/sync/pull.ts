// Pulls the market's changes since the stored cursor, page by page until hasMore is false (SYNC.md 9-10).
// Each page is merged and its cursor stored in ONE transaction (see applyPullPage), so a crash between pages
// resumes from the last page applied, never skipping or double-counting one.
import { PullResponseSchema } from '../../domain';
import { applyPullPage } from '../db/repos/sync-repo';
import { getMeta } from '../db/meta';
import { apiUrl, request } from './http';
import type { SyncDeps, SyncError } from './types';

export const PULL_PAGE = 500;
/** Safety net against a server that keeps saying hasMore without moving the cursor. */
const MAX_PAGES_PER_RUN = 10_000;

export type PullOutcome =
  | { ok: true; records: number; pages: number }
  | { ok: false; error: SyncError; retryable: boolean; retryAfterMs: number | null };

export interface PullContext {
  deps: Pick<SyncDeps, 'db' | 'fetch' | 'now'>;
  serverUrl: string;
  token: string;
  shouldStop?: () => boolean;
  pageSize?: number;
}

type PageAnswer = ReturnType<typeof requestPage>;

function requestPage(ctx: PullContext, since: number) {
  const { fetch, now } = ctx.deps;
  return request({
    fetch,
    now,
    url: apiUrl(ctx.serverUrl, `/api/sync/pull?since=${since}&limit=${ctx.pageSize ?? PULL_PAGE}`),
    method: 'GET',
    token: ctx.token,
    schema: PullResponseSchema,
  });
}

/** The first page's request, sent early (while the push's last answers are applied): see startPull. */
export interface StartedPull {
  since: number;
  answer: PageAnswer;
}

/**
 * Send the first page's request now; pullAll(ctx, started) goes on from its answer (and applies it only then, after
 * whatever the caller still has to finish). Never rejects: without a cursor to read, pullAll starts over.
 */
export function startPull(ctx: PullContext): Promise<StartedPull | undefined> {
  return getMeta<number>(ctx.deps.db, 'cursor').then(
    (stored) => {
      const since = stored ?? 0;
      return { since, answer: requestPage(ctx, since) };
    },
    () => undefined,
  );
}

export async function pullAll(ctx: PullContext, started?: Promise<StartedPull | undefined>): Promise<PullOutcome> {
  const { db, now } = ctx.deps;
  let records = 0;
  let pages = 0;
  let early = await started;
  while (!ctx.shouldStop?.() && pages < MAX_PAGES_PER_RUN) {
    const since = early?.since ?? (await getMeta<number>(db, 'cursor')) ?? 0;
    const res = await (early?.answer ?? requestPage(ctx, since));
    early = undefined;
    if (!res.ok) return res;
    records += await applyPullPage(db, res.body, now());
    pages += 1;
    if (!res.body.hasMore) break;
    if (res.body.cursor <= since) {
      return {
        ok: false,
        error: { kind: 'bad_response', message: 'Pull cursor did not advance' },
        retryable: true,
        retryAfterMs: null,
      };
    }
  }
  return { ok: true, records, pages };
}
