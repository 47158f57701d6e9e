// Export of everything on this tablet (records with their clocks, the pending outbox, needs-attention) to one
// versioned JSON envelope, and import of such a file. The whole file is validated before anything is written,
// and the import replaces the local data in ONE transaction: a refused file changes nothing.
import { z } from 'zod';
import {
  ChangeSchema,
  ENTITY_NAMES,
  ENTITY_SCHEMAS,
  HlcSchema,
  Id,
  IsoDateTime,
  lazySchema,
  compareHlc,
  formatHlc,
  parseHlc,
  type EntityName,
  type HlcState,
} from '../../../domain';
import { TABLE_OF, type DangolDb, type Local, type OutboxEntry, type RejectedEntry } from '../database';
import { ensureDeviceId, getMeta, setMeta } from '../meta';
import { bumpOutboxEpoch } from '../outbox';

export const BACKUP_FORMAT = 'dangol-backup';
export const BACKUP_VERSION = 1;
/** PIN material never leaves the tablet in a file; an import keeps the tablet's own (SYNC.md: pulls restore it). */
const PIN_FIELDS = ['pinHash', 'pinSalt', 'pinIterations'] as const;

// Built on first use (domain/lazy-schema.ts): a cold start reads no backup.
const Clocks = lazySchema(() => z.record(z.string().max(40), HlcSchema));
const rows = <S extends z.ZodObject>(s: S) => z.array(s.extend({ _clocks: Clocks }));
const OutboxSchema = lazySchema(() =>
  z.looseObject({
    seq: z.number().int().min(1),
    changeId: z.uuid(),
    entity: z.enum(ENTITY_NAMES as [EntityName, ...EntityName[]]),
    recordId: Id,
    change: ChangeSchema,
    prev: z.record(z.string(), z.unknown()),
    attempts: z.number().int().min(0),
    lastError: z.string().nullable(),
  }),
);
const RejectedSchema = lazySchema(() =>
  OutboxSchema.extend({ reason: z.string(), reasonKo: z.string(), rejectedAt: IsoDateTime }),
);

export const BackupSchema = lazySchema(() =>
  z.object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: IsoDateTime,
    deviceId: Id,
    marketId: Id,
    meta: z.object({ demo: z.boolean(), cursor: z.number().int().min(0).nullable() }),
    tables: z.object({
      markets: rows(ENTITY_SCHEMAS.market),
      tutors: rows(ENTITY_SCHEMAS.tutor),
      stalls: rows(ENTITY_SCHEMAS.stall),
      visits: rows(ENTITY_SCHEMAS.visit),
      notes: rows(ENTITY_SCHEMAS.note),
      steps: rows(ENTITY_SCHEMAS.step),
      stepEvents: rows(ENTITY_SCHEMAS.stepEvent),
      consents: rows(ENTITY_SCHEMAS.consent),
      outbox: z.array(OutboxSchema),
      rejected: z.array(RejectedSchema),
    }),
  }),
);
export type Backup = z.infer<typeof BackupSchema>;

interface Row {
  id: string;
  marketId: string;
  _clocks: Record<string, string>;
}

/** The rows of one entity's table in a backup. */
function rowsOf(b: Backup, e: EntityName): Row[] {
  return (b.tables as unknown as Record<string, Row[]>)[TABLE_OF[e]] ?? [];
}

export type BackupProblem =
  | { kind: 'not_json' }
  | { kind: 'foreign' }
  | { kind: 'version'; version: string }
  | { kind: 'invalid'; where: string }
  | { kind: 'market' };

export class BackupError extends Error {
  constructor(readonly problem: BackupProblem) {
    super(`Backup refused: ${problem.kind}`);
    this.name = 'BackupError';
  }
}

function redactPins(row: Record<string, unknown>): Record<string, unknown> {
  const clocks = { ...(row._clocks as Record<string, string>) };
  for (const f of PIN_FIELDS) delete clocks[f];
  return { ...row, pinHash: null, pinSalt: null, pinIterations: 0, _clocks: clocks };
}

/** Everything on the tablet as one envelope (JSON-ready). */
export async function exportBackup(db: DangolDb, now = new Date()): Promise<Backup> {
  const deviceId = await ensureDeviceId(db);
  const tables = ENTITY_NAMES.map((e) => db.table(TABLE_OF[e]));
  return db.transaction('r', [...tables, db.outbox, db.rejected, db.meta], async () => {
    const marketId = await getMeta<string>(db, 'marketId');
    if (!marketId) throw new BackupError({ kind: 'invalid', where: 'marketId' });
    const out: Record<string, unknown[]> = {};
    for (const e of ENTITY_NAMES) {
      const rows = (await db.table(TABLE_OF[e]).toArray()) as Record<string, unknown>[];
      out[TABLE_OF[e]] = e === 'tutor' ? rows.map(redactPins) : rows;
    }
    out.outbox = await db.outbox.orderBy('seq').toArray();
    out.rejected = await db.rejected.orderBy('seq').toArray();
    const cursor = await getMeta<number>(db, 'cursor');
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
      deviceId,
      marketId,
      meta: { demo: (await getMeta<boolean>(db, 'demo')) === true, cursor: typeof cursor === 'number' ? cursor : null },
      tables: out,
    } as Backup;
  });
}

/** Check a file's text completely, writing nothing. Throws BackupError saying what is wrong. */
export function parseBackup(text: string): Backup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError({ kind: 'not_json' });
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupError({ kind: 'foreign' });
  }
  const version = (json as { version?: unknown }).version;
  if (version !== BACKUP_VERSION) throw new BackupError({ kind: 'version', version: String(version) });
  const parsed = BackupSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupError({ kind: 'invalid', where: issue ? issue.path.join('.') : '?' });
  }
  const b = parsed.data;
  for (const e of ENTITY_NAMES) {
    const bad = rowsOf(b, e).findIndex((r) => r.marketId !== b.marketId);
    if (bad >= 0) throw new BackupError({ kind: 'invalid', where: `tables.${TABLE_OF[e]}.${bad}.marketId` });
  }
  return b;
}

function maxClockState(b: Backup): HlcState {
  let best: string | undefined;
  for (const e of ENTITY_NAMES) {
    for (const r of rowsOf(b, e)) {
      for (const c of Object.values(r._clocks)) if (compareHlc(c, best) > 0) best = c;
    }
  }
  for (const o of b.tables.outbox) if (compareHlc(o.change.clock, best) > 0) best = o.change.clock;
  return best ? parseHlc(best) : { wall: 0, counter: 0 };
}

export interface ImportSummary {
  stalls: number;
  visits: number;
  notes: number;
  outbox: number;
}

export function summarize(b: Backup): ImportSummary {
  return {
    stalls: b.tables.stalls.length,
    visits: b.tables.visits.length,
    notes: b.tables.notes.length,
    outbox: b.tables.outbox.length,
  };
}

/**
 * Replace the tablet's data with a checked backup, in one transaction. Refused (nothing changed) when the tablet
 * is enrolled in another market. Tutors keep this tablet's PIN fields; the clock moves past the file's.
 */
export async function importBackup(db: DangolDb, b: Backup): Promise<ImportSummary> {
  const tables = ENTITY_NAMES.map((e) => db.table(TABLE_OF[e]));
  const deviceId = await ensureDeviceId(db);
  await db.transaction('rw', [...tables, db.outbox, db.rejected, db.meta], async () => {
    const enrolled = (await getMeta<boolean>(db, 'enrolled')) === true;
    const current = await getMeta<string>(db, 'marketId');
    if (enrolled && current && current !== b.marketId) throw new BackupError({ kind: 'market' });
    const localTutors = new Map((await db.tutors.toArray()).map((t) => [t.id, t]));
    const tutors = (b.tables.tutors as unknown as Local<'tutor'>[]).map((row) => {
      const local = localTutors.get(row.id);
      if (!local) return row;
      const clocks = { ...row._clocks };
      for (const f of PIN_FIELDS) if (local._clocks[f]) clocks[f] = local._clocks[f];
      return {
        ...row,
        pinHash: local.pinHash,
        pinSalt: local.pinSalt,
        pinIterations: local.pinIterations,
        _clocks: clocks,
      };
    });
    for (const t of tables) await t.clear();
    await db.outbox.clear();
    await db.rejected.clear();
    for (const e of ENTITY_NAMES) {
      await db.table(TABLE_OF[e]).bulkAdd(e === 'tutor' ? tutors : rowsOf(b, e));
    }
    await db.outbox.bulkAdd(b.tables.outbox as OutboxEntry[]);
    // The file's entries take the seqs they had: a push in flight must not take them for the ones it sent.
    await bumpOutboxEpoch(db);
    await db.rejected.bulkAdd(b.tables.rejected as RejectedEntry[]);
    const local = (await getMeta<HlcState>(db, 'hlc')) ?? { wall: 0, counter: 0 };
    const file = maxClockState(b);
    const later = compareHlc(formatHlc(file, deviceId), formatHlc(local, deviceId)) > 0 ? file : local;
    await setMeta(db, 'hlc', { wall: later.wall, counter: later.counter });
    await setMeta(db, 'marketId', b.marketId);
    await setMeta(db, 'demo', b.meta.demo);
    if (b.meta.cursor !== null && (!enrolled || current === b.marketId)) await setMeta(db, 'cursor', b.meta.cursor);
  });
  return summarize(b);
}
