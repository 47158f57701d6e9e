// Unsaved input kept when the shared tablet locks: one draft per tutor and form (route), readable only by
// asking with that tutor's id, so another tutor never gets it. Local to this tablet, never synced.
import type { DangolDb, DraftRow } from '../database';

export type DraftField = DraftRow['fields'][number];

const draftId = (tutorId: string, formKey: string) => `${tutorId}|${formKey}`;

/** Keep `fields` typed by `tutorId` on `formKey`; an empty list removes the draft. */
export async function saveDraft(
  db: DangolDb,
  tutorId: string,
  formKey: string,
  fields: DraftField[],
  now = Date.now(),
): Promise<void> {
  if (fields.length === 0) {
    await db.drafts.delete(draftId(tutorId, formKey));
    return;
  }
  await db.drafts.put({ id: draftId(tutorId, formKey), tutorId, formKey, fields, savedAt: now });
}

export async function getDraft(db: DangolDb, tutorId: string, formKey: string): Promise<DraftRow | undefined> {
  return db.drafts.get(draftId(tutorId, formKey));
}

/** The tutor's most recent draft (where to take them back after unlock), or undefined. */
export async function latestDraft(db: DangolDb, tutorId: string): Promise<DraftRow | undefined> {
  const rows = await db.drafts.where('tutorId').equals(tutorId).toArray();
  return rows.sort((a, b) => b.savedAt - a.savedAt)[0];
}

export async function deleteDraft(db: DangolDb, tutorId: string, formKey: string): Promise<void> {
  await db.drafts.delete(draftId(tutorId, formKey));
}

export async function countDrafts(db: DangolDb, tutorId: string): Promise<number> {
  return db.drafts.where('tutorId').equals(tutorId).count();
}
