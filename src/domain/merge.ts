// Pure merge rules, shared by server (applying pushed changes) and app (applying pulled records).
//
// Rules (SYNC.md 12-15):
// - Per-field last-writer-wins by hybrid logical clock: two tutors who change different fields both keep theirs.
// - Deletes are tombstones and win: once deleted, a record stays deleted, whatever edit comes later or earlier.
// - Notes are never overwritten: an edit of a note's text that did not start from the text now held (someone
//   else changed it meanwhile) becomes a conflict copy, a new note with `conflictOf` set, so both texts survive.
//   The same rescue happens when a note is deleted while someone else edits it: the edited text is kept as a copy.
// - Checklist steps have deterministic ids (stall + step number), so they merge per step; their history is the
//   append-only stepEvent records.
import type { z } from 'zod';
import type { Change } from './wire';
import { entityShape, ENTITY_SCHEMAS, NOTE_TEXT_FIELDS, type EntityName } from './entities';
import { compareHlc, type Hlc } from './hlc';
import { accepts, compileAccepts } from './accepts';

export interface Versioned {
  data: Record<string, unknown>;
  clocks: Record<string, Hlc>;
}

export type ApplyResult =
  { kind: 'applied'; next: Versioned; copies: Versioned[] } | { kind: 'rejected'; reason: string; reasonKo: string };

const IDENTITY_FIELDS = new Set(['id', 'marketId']);

function maxClock(clocks: Record<string, Hlc>, fields: readonly string[]): Hlc | undefined {
  let best: Hlc | undefined;
  for (const f of fields) {
    const c = clocks[f];
    if (c !== undefined && compareHlc(c, best) > 0) best = c;
  }
  return best;
}

/** The clock of a note's text as a whole: what an editor records as `base` when it opens the note. */
export function noteTextClock(v: Versioned | undefined): Hlc | null {
  return v ? (maxClock(v.clocks, NOTE_TEXT_FIELDS) ?? null) : null;
}

export function conflictCopyId(noteId: string, changeId: string): string {
  return `${noteId.slice(0, 60)}~${changeId.slice(0, 8)}`;
}

function touchesNoteText(fields: Record<string, unknown>): boolean {
  return NOTE_TEXT_FIELDS.some((f) => f in fields);
}

function makeConflictCopy(current: Versioned, change: Change, textFrom: Record<string, unknown>): Versioned {
  const id = conflictCopyId(String(current.data.id), change.changeId);
  const data: Record<string, unknown> = { ...current.data, id, conflictOf: current.data.id, deleted: false };
  for (const f of NOTE_TEXT_FIELDS) if (f in textFrom) data[f] = textFrom[f];
  data.updatedAt = change.at;
  data.updatedBy = change.tutorId;
  const clocks: Record<string, Hlc> = {};
  for (const k of Object.keys(data)) clocks[k] = change.clock;
  return { data, clocks };
}

function rejection(entity: EntityName, error: z.ZodError, prefix: readonly PropertyKey[]): ApplyResult {
  const issue = error.issues[0];
  const where = issue ? [...prefix, ...issue.path].join('.') : '';
  return {
    kind: 'rejected',
    reason: `Invalid ${entity}${where ? ` field "${where}"` : ''}: ${issue?.message ?? 'invalid'}`,
    reasonKo: `${entity} 기록이 올바르지 않습니다${where ? ` (${where})` : ''}: ${issue?.message ?? ''}`,
  };
}

/**
 * Builds a record schema and its compiled predicate now (schemas are built on first use, lazy-schema.ts): the app
 * calls it for each entity when idle after start, so a tutor's first tap does not build them.
 */
export function prepareValidation(entity: EntityName): void {
  compileAccepts(ENTITY_SCHEMAS[entity]);
}

/** The whole record against its entity schema (a new record, a conflict copy); zod explains a refusal. */
function validate(entity: EntityName, data: Record<string, unknown>): ApplyResult | null {
  if (accepts(ENTITY_SCHEMAS[entity], data)) return null;
  const parsed = ENTITY_SCHEMAS[entity].safeParse(data);
  return parsed.success ? null : rejection(entity, parsed.error, []);
}

/**
 * Only the fields a change wrote into a record that was valid already: the entity schemas are plain objects
 * of independent fields (no cross-field rule), so for a valid held record this accepts and refuses exactly
 * what checking the whole record would, and names the same first bad field (checked in the schema's order).
 * (A record stored before a schema was tightened is no longer frozen: a change to its other fields applies.)
 * Bench: re-checking every field of every updated record was ≈ 130 of ≈ 430 ms CPU applying 10,000 changes.
 */
function validateWritten(entity: EntityName, data: Record<string, unknown>, written: ReadonlySet<string>) {
  const shape = entityShape(entity);
  for (const k of Object.keys(shape)) {
    if (!written.has(k) || accepts(shape[k]!, data[k])) continue;
    const parsed = shape[k]!.safeParse(data[k]);
    if (!parsed.success) return rejection(entity, parsed.error, [k]);
  }
  return null;
}

/**
 * Apply one change to the record currently held (undefined when new). Pure and deterministic: the same
 * inputs give the same result on every replica.
 */
export function applyChange(current: Versioned | undefined, change: Change, marketId: string): ApplyResult {
  // The fields this change sets, without the record's identity (which it may repeat, never change). Built by
  // one loop instead of a spread, two deletes and key arrays: this runs for every change a server applies.
  const incoming = change.fields;
  const fields: Record<string, unknown> =
    change.op === 'delete' ? { deleted: true, updatedAt: change.at, updatedBy: change.tutorId } : {};
  for (const k in incoming) {
    if (!Object.hasOwn(incoming, k) || k === '__proto__') continue;
    if (IDENTITY_FIELDS.has(k)) {
      if (incoming[k] !== (k === 'id' ? change.recordId : marketId)) {
        return { kind: 'rejected', reason: `Field "${k}" cannot be changed`, reasonKo: `"${k}" 값은 바꿀 수 없습니다` };
      }
      continue;
    }
    if (change.op !== 'delete') fields[k] = incoming[k];
  }

  const copies: Versioned[] = [];
  if (!current) {
    if (change.op === 'delete') {
      return {
        kind: 'rejected',
        reason: 'Cannot delete a record that does not exist',
        reasonKo: '없는 기록은 지울 수 없습니다',
      };
    }
    const data = fields;
    data.id = change.recordId;
    data.marketId = marketId;
    const bad = validate(change.entity, data);
    if (bad) return bad;
    const clocks: Record<string, Hlc> = {};
    for (const k in data) clocks[k] = change.clock;
    return { kind: 'applied', next: { data, clocks }, copies };
  }

  const isNote = change.entity === 'note';
  const wasDeleted = current.data.deleted === true;
  if (isNote && change.op === 'put' && touchesNoteText(fields)) {
    const held = noteTextClock(current);
    // The editor saw the held text only if its base IS that text's clock. "base older than held" is not
    // enough: a base newer than the held text can be the clock of this tablet's own earlier edit that became
    // a conflict copy, so it never saw the held text (found by tests/reliability, note-text-loss.test.ts).
    const concurrent = held !== null && held !== (change.base ?? null);
    if (wasDeleted || concurrent) {
      // Someone else's text (or a deletion) got there first: keep this tutor's words as a conflict copy.
      copies.push(makeConflictCopy(current, change, fields));
      for (const f of NOTE_TEXT_FIELDS) delete fields[f];
    }
  }
  if (isNote && change.op === 'delete' && !wasDeleted) {
    const held = noteTextClock(current);
    if (held !== null && held !== (change.base ?? null)) {
      // The note is deleted, but it holds text the deleting tutor never saw: rescue that text.
      copies.push(makeConflictCopy(current, change, current.data));
    }
  }

  const data = { ...current.data };
  const clocks = { ...current.clocks };
  const written = new Set<string>();
  if (!wasDeleted) {
    for (const k in fields) {
      const v = fields[k];
      if (compareHlc(change.clock, clocks[k]) > 0) {
        // A primitive value equal to the one held needs no check: the held record passed it. A change
        // re-sends every field of the form, mostly unchanged (bench: ≈ 7 of 10 per checklist step update).
        const same = v !== undefined && v === data[k] && (v === null || typeof v !== 'object');
        data[k] = v;
        clocks[k] = change.clock;
        if (!same) written.add(k);
      }
    }
    if (change.op === 'delete') {
      data.deleted = true;
      clocks.deleted = compareHlc(change.clock, clocks.deleted) > 0 ? change.clock : (clocks.deleted ?? change.clock);
      written.add('deleted');
    }
  }
  // The held record was checked when it was stored (whole when new, field by field since), so only what this
  // change wrote is checked; a conflict copy is checked whole (its text comes from the change).
  const bad = validateWritten(change.entity, data, written) ?? firstBad(change.entity, copies);
  if (bad) return bad;
  return { kind: 'applied', next: { data, clocks }, copies };
}

function firstBad(entity: EntityName, copies: readonly Versioned[]): ApplyResult | null {
  for (const c of copies) {
    const bad = validate(entity, c.data);
    if (bad) return bad;
  }
  return null;
}

/**
 * Merge a record pulled from the server into the one held locally. Per-field max clock; a tombstone wins.
 * `keepLocal` names fields with changes still in the local outbox: they keep the local value (read-your-writes).
 */
export function mergeVersioned(
  local: Versioned | undefined,
  remote: Versioned,
  keepLocal: ReadonlySet<string> = new Set(),
): Versioned {
  if (!local) return { data: { ...remote.data }, clocks: { ...remote.clocks } };
  const data = { ...local.data };
  const clocks = { ...local.clocks };
  for (const [k, v] of Object.entries(remote.data)) {
    if (keepLocal.has(k) && k !== 'deleted') continue;
    if (compareHlc(remote.clocks[k], clocks[k]) > 0) {
      data[k] = v;
      const c = remote.clocks[k];
      if (c !== undefined) clocks[k] = c;
    }
  }
  if (local.data.deleted === true || remote.data.deleted === true) data.deleted = true;
  return { data, clocks };
}
