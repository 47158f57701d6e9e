// Zod schemas for every record Dangol keeps, shared by the app (Dexie) and the server.
// Types are inferred from the schemas: one contract, parsed at both ends.
import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import {
  BUSINESS_STATUSES,
  CATEGORIES,
  CONSENT_METHODS,
  MARKET_DAYS,
  MARKET_SCHEDULES,
  MARKET_TYPES,
  STEP_STATUSES,
  TUTOR_ROLES,
  VISIT_STATUSES,
} from './vocabulary';

// Every schema is built on first use (lazy-schema.ts): a cold start of the app parses nothing.
export const Id = lazySchema(() =>
  z
    .string()
    .min(1)
    .max(80)
    .regex(/^[A-Za-z0-9_:~-]+$/, 'id: letters, digits, _ : ~ - only'),
);
export const IsoDateTime = lazySchema(() => z.iso.datetime({ offset: true }));
export const IsoDate = lazySchema(() => z.iso.date());
/** Control characters (except tab and newline) and lone UTF-16 surrogates are not text a tutor typed. */
const BROKEN_TEXT =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const Text = lazySchema(() =>
  z.string().refine((s) => !BROKEN_TEXT.test(s), 'control characters or broken unicode'),
);
const shortText = (max: number) => Text.trim().max(max);

/** Fields every record carries; set by the mutate path, never typed by a tutor. */
const base = () => ({
  id: Id,
  marketId: Id,
  updatedAt: IsoDateTime,
  updatedBy: Id.nullable(),
  deleted: z.boolean(),
});

export const MarketSchema = lazySchema(() =>
  z.object({
    ...base(),
    name: shortText(80).min(1),
    type: z.enum(MARKET_TYPES),
    schedule: z.enum(MARKET_SCHEDULES),
    /**
     * A 5일장's market days ('' for a daily market, or not set yet). Added after the first release: a market
     * stored without it (on a tablet, on the server, in a backup) is valid and reads as '' (see isMarketDay).
     */
    marketDays: z.enum(['', ...MARKET_DAYS]).default(''),
    address: shortText(200),
    demo: z.boolean(),
    autoLockMinutes: z.number().int().min(1).max(120),
  }),
);

export const TutorSchema = lazySchema(() =>
  z.object({
    ...base(),
    name: shortText(40).min(1),
    role: z.enum(TUTOR_ROLES),
    active: z.boolean(),
    /** PBKDF2 of the PIN (issue 4); never the PIN itself. */
    pinHash: z.string().max(200).nullable(),
    pinSalt: z.string().max(200).nullable(),
    pinIterations: z.number().int().min(0).max(10_000_000),
    locked: z.boolean(),
  }),
);

export const StallSchema = lazySchema(() =>
  z.object({
    ...base(),
    name: shortText(60).min(1),
    category: z.enum(CATEGORIES),
    building: shortText(40),
    floor: shortText(10),
    row: shortText(40),
    number: shortText(20),
    landmark: shortText(80),
    /** Personal data: stored only with a consent on record (issue 4). */
    merchantName: shortText(40),
    merchantPhone: z
      .string()
      .trim()
      .max(20)
      .regex(/^$|^[0-9+\- ]{7,20}$/, 'phone'),
    channelName: shortText(40),
    channelSearchId: Text.trim().max(15),
    channelUrl: Text.trim().max(200),
    channelOpened: z.boolean(),
    businessStatus: z.enum(BUSINESS_STATUSES),
    friendCount: z.number().int().min(0).max(10_000_000),
    friendCountAt: IsoDateTime.nullable(),
  }),
);

export const VisitSchema = lazySchema(() =>
  z.object({
    ...base(),
    stallId: Id,
    tutorId: Id.nullable(),
    scheduledAt: IsoDateTime,
    durationMin: z.number().int().min(5).max(480),
    purpose: shortText(200),
    status: z.enum(VISIT_STATUSES),
    actualMin: z.number().int().min(0).max(600).nullable(),
    completedAt: IsoDateTime.nullable(),
    /** When this visit replaces a rescheduled one. */
    rescheduledFrom: Id.nullable(),
  }),
);

export const NOTE_TEXT_FIELDS = ['topics', 'taught', 'hard', 'nextStep', 'followUpDate'] as const;

export const NoteSchema = lazySchema(() =>
  z.object({
    ...base(),
    stallId: Id,
    visitId: Id.nullable(),
    tutorId: Id.nullable(),
    topics: z.array(shortText(40).min(1)).max(20),
    taught: shortText(4000),
    hard: shortText(4000),
    nextStep: shortText(2000),
    followUpDate: IsoDate.nullable(),
    writtenAt: IsoDateTime,
    /** Set on a conflict copy: the id of the note two tutors edited at once. */
    conflictOf: Id.nullable(),
  }),
);

export const StepSchema = lazySchema(() =>
  z.object({
    ...base(),
    stallId: Id,
    no: z.number().int().min(1).max(50),
    templateVersion: z.number().int().min(1),
    status: z.enum(STEP_STATUSES),
    reason: shortText(200),
    doneBy: Id.nullable(),
    doneAt: IsoDateTime.nullable(),
  }),
);

/** Append-only history of a checklist step: who set which status when. */
export const StepEventSchema = lazySchema(() =>
  z.object({
    ...base(),
    stallId: Id,
    stepId: Id,
    no: z.number().int().min(1).max(50),
    status: z.enum(STEP_STATUSES),
    reason: shortText(200),
    tutorId: Id.nullable(),
    at: IsoDateTime,
  }),
);

export const ConsentSchema = lazySchema(() =>
  z.object({
    ...base(),
    stallId: Id,
    formVersion: z.number().int().min(1),
    purpose: shortText(400).min(1),
    items: z.array(shortText(40).min(1)).min(1).max(20),
    retentionUntil: IsoDate,
    refusalRightExplained: z.literal(true),
    sharePartners: z.boolean(),
    photoUse: z.boolean(),
    contactAfter: z.boolean(),
    method: z.enum(CONSENT_METHODS),
    consentedAt: IsoDateTime,
    tutorId: Id.nullable(),
    deviceId: Id,
    withdrawnAt: IsoDateTime.nullable(),
  }),
);

export const ENTITY_SCHEMAS = {
  market: MarketSchema,
  tutor: TutorSchema,
  stall: StallSchema,
  visit: VisitSchema,
  note: NoteSchema,
  step: StepSchema,
  stepEvent: StepEventSchema,
  consent: ConsentSchema,
} as const;

export type EntityName = keyof typeof ENTITY_SCHEMAS;

const shapes = new Map<EntityName, Readonly<Record<string, z.ZodType>>>();

/**
 * An entity schema's fields, kept once read: the server's push path reads them for every change, and each read of
 * a lazy schema's property goes through its proxy.
 */
export function entityShape(entity: EntityName): Readonly<Record<string, z.ZodType>> {
  let shape = shapes.get(entity);
  if (shape === undefined) {
    shape = ENTITY_SCHEMAS[entity].shape as Record<string, z.ZodType>;
    shapes.set(entity, shape);
  }
  return shape;
}
export const ENTITY_NAMES = Object.keys(ENTITY_SCHEMAS) as EntityName[];
export const EntityNameSchema = lazySchema(() => z.enum(ENTITY_NAMES as [EntityName, ...EntityName[]]));

export type Market = z.infer<typeof MarketSchema>;
export type Tutor = z.infer<typeof TutorSchema>;
export type Stall = z.infer<typeof StallSchema>;
export type Visit = z.infer<typeof VisitSchema>;
export type Note = z.infer<typeof NoteSchema>;
export type Step = z.infer<typeof StepSchema>;
export type StepEvent = z.infer<typeof StepEventSchema>;
export type Consent = z.infer<typeof ConsentSchema>;

export interface EntityTypes {
  market: Market;
  tutor: Tutor;
  stall: Stall;
  visit: Visit;
  note: Note;
  step: Step;
  stepEvent: StepEvent;
  consent: Consent;
}

/** The fields a tutor (or the app) may change: everything but the record's identity. */
export type EntityFields<E extends EntityName> = Omit<EntityTypes[E], 'id' | 'marketId'>;

/** Personal fields of a stall: erased on consent withdrawal and retention purge. */
export const PERSONAL_STALL_FIELDS = ['merchantName', 'merchantPhone'] as const;
