// The tutor operations the harness drives, each through the app's real write path (the repositories in
// src/app/db/repos and mutate): book, reschedule, note, edit a note, tick, block, delete, consent, withdraw.
// Every note text saved and every note deletion is logged with the text the tutor saw, for the invariants.
import { mutate } from '../../src/app/db/mutate';
import { recordConsent, savePersonalFields, withdrawConsent } from '../../src/app/db/repos/consents';
import { openNote, saveNote } from '../../src/app/db/repos/notes';
import { createStall, emptyStall, updateStall } from '../../src/app/db/repos/stalls';
import { setStepStatus } from '../../src/app/db/repos/steps';
import { createVisit, rescheduleVisit, setVisitStatus } from '../../src/app/db/repos/visits';
import type { Device } from './device';

export const OPERATIONS = [
  'stall',
  'editStall',
  'book',
  'reschedule',
  'visitStatus',
  'note',
  'editNote',
  'tick',
  'block',
  'deleteNote',
  'deleteVisit',
  'deleteStall',
  'consent',
  'withdraw',
] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface NoteLog {
  /** Every text a tutor saved: where, and the text that editor had opened (null for a new note). */
  saved: { text: string; noteId: string; device: string; saw: string | null }[];
  /** Every note deletion, with the text the tutor saw when deleting. */
  deleted: { noteId: string; saw: string | null }[];
  /** Every record deleted, entity:id, for the tombstone check. */
  tombstones: { key: string; changeId: string }[];
}

export function emptyNoteLog(): NoteLog {
  return { saved: [], deleted: [], tombstones: [] };
}

let textCounter = 0;
const uniqueText = (d: Device) => `${d.name}-글-${++textCounter}-${Math.random().toString(36).slice(2, 7)}`;

async function live<T extends { id: string; deleted: boolean }>(rows: Promise<T[]>): Promise<T[]> {
  return (await rows).filter((r) => !r.deleted).sort((a, b) => a.id.localeCompare(b.id));
}

const at = <T>(items: readonly T[], pick: number): T | undefined =>
  items.length === 0 ? undefined : items[pick % items.length];

/** Run one operation; returns false when it had nothing to act on (e.g. no note to edit yet). */
export async function runOperation(d: Device, op: Operation, pick: number, log: NoteLog): Promise<boolean> {
  const { db, tutorId } = d;
  const stalls = await live(db.stalls.toArray());
  const stall = at(stalls, pick);
  switch (op) {
    case 'stall': {
      await createStall(db, { ...emptyStall(), name: `${d.name} 상회 ${pick}`, category: '수산' }, tutorId);
      return true;
    }
    case 'editStall': {
      if (!stall) return false;
      await updateStall(db, stall.id, { landmark: `${d.name} 표지 ${pick}`, floor: String(pick % 9) }, tutorId);
      return true;
    }
    case 'book': {
      if (!stall) return false;
      const when = new Date(Date.UTC(2026, 4, 1 + (pick % 20), 9 + (pick % 8))).toISOString();
      await createVisit(
        db,
        {
          stallId: stall.id,
          tutorId,
          scheduledAt: when,
          durationMin: 30,
          purpose: '채널 개설',
          status: 'scheduled',
          actualMin: null,
          completedAt: null,
          rescheduledFrom: null,
        },
        tutorId,
      );
      return true;
    }
    case 'reschedule': {
      const visits = (await live(db.visits.toArray())).filter((v) => v.status === 'scheduled' || v.status === 'missed');
      const v = at(visits, pick);
      if (!v) return false;
      await rescheduleVisit(db, v, new Date(Date.UTC(2026, 5, 1 + (pick % 20), 10)).toISOString(), tutorId);
      return true;
    }
    case 'visitStatus': {
      const v = at(await live(db.visits.toArray()), pick);
      if (!v) return false;
      await setVisitStatus(db, v.id, pick % 2 === 0 ? 'missed' : 'cancelled', tutorId);
      return true;
    }
    case 'note': {
      if (!stall) return false;
      const text = uniqueText(d);
      const res = await saveNote(db, {
        stallId: stall.id,
        text: { topics: ['채널 개설'], taught: text, hard: '', nextStep: '', followUpDate: null },
        base: null,
        tutorId,
      });
      log.saved.push({ text, noteId: res.id, device: d.name, saw: null });
      return true;
    }
    case 'editNote': {
      const note = at(await live(db.notes.toArray()), pick);
      if (!note) return false;
      const opened = await openNote(db, note.id);
      if (!opened) return false;
      const text = uniqueText(d);
      const res = await saveNote(db, {
        id: note.id,
        stallId: note.stallId,
        text: { ...pickText(opened.note), taught: text },
        base: opened.base,
        tutorId,
      });
      log.saved.push({ text, noteId: res.id, device: d.name, saw: opened.note.taught });
      return true;
    }
    case 'tick':
    case 'block': {
      if (!stall) return false;
      await setStepStatus(db, {
        stallId: stall.id,
        no: 1 + (pick % 15),
        status: op === 'tick' ? 'done' : 'blocked',
        reason: op === 'block' ? '사업자등록증 없음' : '',
        tutorId,
      });
      return true;
    }
    case 'deleteNote': {
      const note = at(await live(db.notes.toArray()), pick);
      if (!note) return false;
      const row = await mutate(db, { entity: 'note', id: note.id, op: 'delete', tutorId });
      log.deleted.push({ noteId: note.id, saw: note.taught });
      log.tombstones.push({ key: `note:${note.id}`, changeId: await lastChangeId(d, row.id) });
      return true;
    }
    case 'deleteVisit': {
      const v = at(await live(db.visits.toArray()), pick);
      if (!v) return false;
      await mutate(db, { entity: 'visit', id: v.id, op: 'delete', tutorId });
      log.tombstones.push({ key: `visit:${v.id}`, changeId: await lastChangeId(d, v.id) });
      return true;
    }
    case 'deleteStall': {
      // Rarely: only when the pick says so, so the other operations keep stalls to act on.
      if (!stall || pick % 4 !== 0) return false;
      await mutate(db, { entity: 'stall', id: stall.id, op: 'delete', tutorId });
      log.tombstones.push({ key: `stall:${stall.id}`, changeId: await lastChangeId(d, stall.id) });
      return true;
    }
    case 'consent': {
      if (!stall) return false;
      await recordConsent(
        db,
        stall.id,
        {
          sharePartners: pick % 2 === 0,
          photoUse: true,
          contactAfter: true,
          method: 'tablet',
          retentionUntil: '2030-12-31',
          refusalRightExplained: true,
        },
        tutorId,
      );
      await savePersonalFields(db, stall.id, { merchantName: `상인${pick}`, merchantPhone: '010-1234-5678' }, tutorId);
      return true;
    }
    case 'withdraw': {
      if (!stall) return false;
      await withdrawConsent(db, stall.id, tutorId);
      return true;
    }
  }
}

function pickText(n: {
  topics: string[];
  taught: string;
  hard: string;
  nextStep: string;
  followUpDate: string | null;
}) {
  return { topics: n.topics, taught: n.taught, hard: n.hard, nextStep: n.nextStep, followUpDate: n.followUpDate };
}

async function lastChangeId(d: Device, recordId: string): Promise<string> {
  const entries = await d.db.outbox.orderBy('seq').toArray();
  const mine = entries.filter((e) => e.recordId === recordId);
  return mine[mine.length - 1]?.changeId ?? '';
}
