// The sync wire contract between tablet and server: push of outbox changes, pull by cursor,
// enrollment, errors. Parsed by the server on every request and by the client on every response.
import { z } from 'zod';
import { EntityNameSchema, Id } from './entities';
import { HLC_PATTERN } from './hlc';
import { lazySchema } from './lazy-schema';

/**
 * Changes per push. 2,000 of the bench's typical changes are ≈ 0.9 MB, half of MAX_BODY_BYTES; a client
 * sends fewer when the body would be larger (notes with long texts). Bench (10,000-change drain, SQLite):
 * 500 -> 2,000 cut the drain's CPU by ≈ 12% (a quarter of the requests, commits and Dexie transactions).
 */
export const MAX_PUSH_BATCH = 2000;
export const MAX_PULL_PAGE = 2000;
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

// Built on first use, as the records' schemas (lazy-schema.ts).
export const HlcSchema = lazySchema(() => z.string().regex(HLC_PATTERN, 'clock'));

/** A plain object whose names are at most 40 characters long (the values are checked per entity). */
function isFieldMap(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const k of Object.keys(v)) if (k.length > 40) return false;
  return true;
}

/** One change a tutor made, as queued in the outbox and pushed to the server. */
export const ChangeSchema = lazySchema(() =>
  z.object({
    /** Client-made id; the server applies each changeId at most once. */
    changeId: z.uuid(),
    entity: EntityNameSchema,
    recordId: Id,
    op: z.enum(['put', 'delete']),
    /**
     * Only the fields this change sets. Validated against the entity schema by the server. One check of the
     * names instead of z.record's: that parsed every name and value as a schema of its own, ≈ half of the
     * push body's validation time and garbage (bench: 30 -> 16 ms per 10,000 changes).
     */
    fields: z.custom<Record<string, unknown>>(isFieldMap, 'fields: an object of field names (at most 40 characters)'),
    /** Clock of this change; every field it sets takes this clock. */
    clock: HlcSchema,
    /** Notes: the clock of the text the editor started from (null for a new note). */
    base: HlcSchema.nullable(),
    tutorId: Id.nullable(),
    at: z.iso.datetime({ offset: true }),
  }),
);
export type Change = z.infer<typeof ChangeSchema>;

export const PushRequestSchema = lazySchema(() =>
  z.object({
    changes: z.array(ChangeSchema).min(1).max(MAX_PUSH_BATCH),
    /**
     * The last change of the push this tablet sent just before, still unanswered when this one left (a tablet keeps
     * two pushes in flight). The server applies this push only once that change is answered, and otherwise refuses
     * it whole with 409 `out_of_order` (nothing applied): a tablet's changes are applied in the order it made them.
     */
    after: z.uuid().optional(),
  }),
);
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const ChangeResultSchema = lazySchema(() =>
  z.object({
    changeId: z.uuid(),
    status: z.enum(['applied', 'duplicate', 'rejected']),
    /** For rejected: why, in plain words (ko and en). */
    reason: z.string().optional(),
    reasonKo: z.string().optional(),
    /** For rejected: a machine code ('invalid', 'forbidden', 'not_found', ...) and the HTTP status it stands for. */
    code: z.string().optional(),
    httpStatus: z.number().int().optional(),
    /** Set when the change produced a conflict copy (notes). */
    conflictCopyId: Id.optional(),
  }),
);
export type ChangeResult = z.infer<typeof ChangeResultSchema>;

export const PushResponseSchema = lazySchema(() =>
  z.object({
    results: z.array(ChangeResultSchema),
    serverSeq: z.number().int().min(0),
  }),
);
export type PushResponse = z.infer<typeof PushResponseSchema>;

/** A record as the server holds it: full data, per-field clocks, and its change sequence. */
export const WireRecordSchema = lazySchema(() =>
  z.object({
    entity: EntityNameSchema,
    id: Id,
    data: z.record(z.string(), z.unknown()),
    clocks: z.record(z.string(), HlcSchema),
    seq: z.number().int().min(1),
  }),
);
export type WireRecord = z.infer<typeof WireRecordSchema>;

export const PullQuerySchema = lazySchema(() =>
  z.object({
    since: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(MAX_PULL_PAGE).default(500),
  }),
);

export const PullResponseSchema = lazySchema(() =>
  z.object({
    records: z.array(WireRecordSchema),
    cursor: z.number().int().min(0),
    hasMore: z.boolean(),
  }),
);
export type PullResponse = z.infer<typeof PullResponseSchema>;

export const EnrollRequestSchema = lazySchema(() =>
  z.object({
    code: z.string().trim().min(4).max(40),
    deviceName: z.string().trim().min(1).max(60),
  }),
);
export const EnrollResponseSchema = lazySchema(() =>
  z.object({
    deviceId: Id,
    token: z.string().min(20),
    marketId: Id,
    marketName: z.string(),
  }),
);
export type EnrollResponse = z.infer<typeof EnrollResponseSchema>;

export const ErrorBodySchema = lazySchema(() =>
  z.object({
    error: z.object({ code: z.string(), message: z.string(), messageKo: z.string().optional() }),
  }),
);
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
