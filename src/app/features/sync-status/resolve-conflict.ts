// Resolving a note conflict copy through the one write path (mutate), so the choice syncs like any edit:
// keep one text (written to the original, copy deleted) or keep both (the copy becomes a note of its own).
import { NOTE_TEXT_FIELDS, noteTextClock, parseHlc } from '../../../domain';
import { getDb } from '../../db/database';
import { mutate, mutateAll, toVersioned } from '../../db/mutate';
import type { ConflictPair } from '../../sync/index';

export type ConflictChoice = 'original' | 'copy' | 'both';

function deviceOf(clock: string | null | undefined): string | null {
  if (!clock) return null;
  try {
    return parseHlc(clock).deviceId;
  } catch {
    return null;
  }
}

/** Which side was written on this tablet, if either (decides "mine" / "theirs" labels). */
export function mySide(pair: ConflictPair, deviceId: string | undefined): 'original' | 'copy' | null {
  if (!deviceId) return null;
  if (deviceOf(noteTextClock(toVersioned<'note'>(pair.copy))) === deviceId) return 'copy';
  if (pair.original && deviceOf(noteTextClock(toVersioned<'note'>(pair.original))) === deviceId) return 'original';
  return null;
}

export async function resolveConflict(pair: ConflictPair, choice: ConflictChoice): Promise<void> {
  const db = getDb();
  const { copy, original } = pair;
  const originalGone = !original || original.deleted;
  if (choice === 'both' || (originalGone && choice === 'copy')) {
    await mutate(db, { entity: 'note', id: copy.id, fields: { conflictOf: null } });
    return;
  }
  if (choice === 'original' || originalGone) {
    await mutate(db, { entity: 'note', id: copy.id, op: 'delete' });
    return;
  }
  const text: Record<string, unknown> = {};
  for (const f of NOTE_TEXT_FIELDS) text[f] = copy[f];
  await mutateAll(db, [
    { entity: 'note', id: original.id, fields: text },
    { entity: 'note', id: copy.id, op: 'delete' },
  ]);
}
