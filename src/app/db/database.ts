// The tablet's IndexedDB, through Dexie. Versions are append-only: never edit a shipped version's
// stores, add a new version with an upgrade instead (SYNC.md 19), so pending outbox entries survive.
import Dexie, { type Table } from 'dexie';
import type { Change, EntityName, EntityTypes, Hlc } from '../../domain';

/** A record as held on the tablet: the entity's fields plus the per-field clocks used for merging. */
export type Local<E extends EntityName> = EntityTypes[E] & { _clocks: Record<string, Hlc> };

/** One queued change (SYNC.md 1-6). `prev` holds the values it replaced, for a tutor-chosen rollback. */
export interface OutboxEntry {
  seq?: number;
  changeId: string;
  entity: EntityName;
  recordId: string;
  change: Change;
  prev: Record<string, unknown>;
  attempts: number;
  lastError: string | null;
}

/** A change the server refused for good: shown in "needs attention" until the tutor retries or discards it. */
export interface RejectedEntry extends OutboxEntry {
  reason: string;
  reasonKo: string;
  rejectedAt: string;
}

/** Unsaved input kept when the tablet locks, for the same tutor only (local, never synced). */
export interface DraftRow {
  id: string;
  tutorId: string;
  formKey: string;
  fields: { key: string; value: string | boolean }[];
  savedAt: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export const TABLE_OF: { readonly [E in EntityName]: string } = {
  market: 'markets',
  tutor: 'tutors',
  stall: 'stalls',
  visit: 'visits',
  note: 'notes',
  step: 'steps',
  stepEvent: 'stepEvents',
  consent: 'consents',
};

export class DangolDb extends Dexie {
  markets!: Table<Local<'market'>, string>;
  tutors!: Table<Local<'tutor'>, string>;
  stalls!: Table<Local<'stall'>, string>;
  visits!: Table<Local<'visit'>, string>;
  notes!: Table<Local<'note'>, string>;
  steps!: Table<Local<'step'>, string>;
  stepEvents!: Table<Local<'stepEvent'>, string>;
  consents!: Table<Local<'consent'>, string>;
  outbox!: Table<OutboxEntry, number>;
  rejected!: Table<RejectedEntry, number>;
  meta!: Table<MetaRow, string>;
  drafts!: Table<DraftRow, string>;

  constructor(name = 'dangol') {
    super(name);
    // Version 1: the first shipped schema. Append new versions below; never edit this one.
    this.version(1).stores({
      markets: 'id',
      tutors: 'id, marketId',
      stalls: 'id, marketId, name, category, [marketId+name]',
      visits:
        'id, stallId, tutorId, scheduledAt, status, [stallId+scheduledAt], [tutorId+scheduledAt], [status+stallId]',
      notes: 'id, stallId, visitId, writtenAt, [stallId+writtenAt], conflictOf',
      steps: 'id, stallId, status, no, [status+stallId]',
      stepEvents: 'id, stepId, stallId, at, [stepId+at]',
      consents: 'id, stallId',
      outbox: '++seq, &changeId, [entity+recordId]',
      rejected: '++seq, &changeId',
      meta: 'key',
      drafts: 'id, tutorId, savedAt',
    });
  }

  table$<E extends EntityName>(entity: E): Table<Local<E>, string> {
    return this.table(TABLE_OF[entity]) as unknown as Table<Local<E>, string>;
  }
}

let instance: DangolDb | null = null;

/** The app's one database. Tests may swap it with `setDb` (each test its own fake-indexeddb name). */
export function getDb(): DangolDb {
  instance ??= new DangolDb();
  return instance;
}

export function setDb(db: DangolDb): void {
  instance = db;
}
