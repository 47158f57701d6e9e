// @vitest-environment node
// The shared-tablet rules through the real server and the app's real sync engine: lead-only changes refused
// for a tutor (403 'forbidden'), PINs never on the wire, authorship and audit (tutor + device), and consent
// withdrawal erasing personal data on two tablets and the server.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DangolDb } from '../../src/app/db/database';
import { getMeta, setMeta } from '../../src/app/db/meta';
import { mutate } from '../../src/app/db/mutate';
import { recordConsent, savePersonalFields, withdrawConsent, localToday } from '../../src/app/db/repos/consents';
import { saveNote } from '../../src/app/db/repos/notes';
import { addTutor, setAutoLockMinutes, unlockTutor } from '../../src/app/db/repos/tutor-admin';
import { hashPin, resetPinByLead, setOwnPin } from '../../src/app/db/repos/tutor-auth';
import { createSyncEngine, type SyncEngine } from '../../src/app/sync';
import { bodyText } from '../support/request-body';
import { createEnrollmentCode, createTutor, listDevices } from '../../src/server/admin/commands';
import { useServer as serverForThisFile } from '../server/harness';
import { serverSnapshot, stallFields } from '../integration/tablets';
import { holdsClearPin } from '../support/clear-pin';

const ITER = 1000;
const fx = serverForThisFile('sqlite');

interface Pad {
  db: DangolDb;
  engine: SyncEngine;
  deviceId: string;
  bodies: string[];
}

/** A tablet with its own IndexedDB and the real engine; every request body it sends is kept. */
async function pad(name: string, tutorId: string): Promise<Pad> {
  const db = new DangolDb(`st-${name}-${randomUUID()}`);
  const bodies: string[] = [];
  const engine = createSyncEngine({
    db,
    locks: null,
    online: { isOnline: () => true, subscribe: () => () => {} },
    timers: { set: () => 0, clear: () => {} },
    fetch: async (input, init) => {
      const text = bodyText(init?.body);
      if (text !== undefined) bodies.push(text);
      return fetch(input, init);
    },
  });
  const { server, marketId } = fx.get();
  const { code } = await createEnrollmentCode(server.storage, marketId);
  await engine.enroll({ code, deviceName: name, serverUrl: server.url });
  await setMeta(db, 'tutorId', tutorId);
  const device = (await listDevices(server.storage, marketId)).find((d) => d.name === name);
  return { db, engine, deviceId: device!.id, bodies };
}

async function people() {
  const { server, marketId } = fx.get();
  const lead = await createTutor(server.storage, { marketId, name: '김리드', role: 'lead' });
  const tutor = await createTutor(server.storage, { marketId, name: '박튜터', role: 'tutor' });
  const other = await createTutor(server.storage, { marketId, name: '이동료', role: 'tutor' });
  return { lead, tutor, other };
}

async function rejectedCodes(p: Pad) {
  return (await p.db.rejected.toArray()).map((r) => ({
    entity: r.entity,
    fields: Object.keys(r.change.fields).filter((k) => k !== 'updatedAt' && k !== 'updatedBy'),
    code: (r as { code?: string }).code,
  }));
}

describe('shared tablet through the real server', () => {
  it('refuses lead-only changes from a tutor with 403 forbidden, and accepts them from a lead', async () => {
    const { lead, tutor, other } = await people();
    const t = await pad('tutor-tablet', tutor.id);
    await t.engine.syncNow();
    // The UI hides these from a tutor and the repos refuse them; a tampered client writes them anyway.
    await mutate(t.db, {
      entity: 'tutor',
      id: `tu-${randomUUID()}`,
      fields: {
        name: '몰래추가',
        role: 'lead',
        active: true,
        pinHash: null,
        pinSalt: null,
        pinIterations: 0,
        locked: false,
        deleted: false,
      },
    });
    await mutate(t.db, { entity: 'tutor', id: other.id, fields: { role: 'lead' } });
    await mutate(t.db, { entity: 'tutor', id: other.id, fields: { active: false } });
    await mutate(t.db, { entity: 'tutor', id: other.id, fields: await hashPin('1111', ITER) });
    await mutate(t.db, { entity: 'market', id: fx.get().marketId, fields: { autoLockMinutes: 60 } });
    // Allowed for anyone: one's own PIN, and locking a profile.
    await setOwnPin(t.db, tutor.id, null, '4321', ITER);
    await mutate(t.db, { entity: 'tutor', id: other.id, fields: { locked: true } });
    // Unlocking is lead-only.
    await mutate(t.db, { entity: 'tutor', id: other.id, fields: { locked: false } });
    await t.engine.syncNow();

    const rejected = await rejectedCodes(t);
    expect(rejected.map((r) => r.code)).toEqual(Array(6).fill('forbidden'));
    expect(rejected.map((r) => r.fields[0])).toEqual([
      'name',
      'role',
      'active',
      'pinHash',
      'autoLockMinutes',
      'locked',
    ]);
    expect(await t.db.outbox.count()).toBe(0);
    const onServer = await serverSnapshot(fx.get().server, fx.get().marketId);
    expect(onServer[`tutor:${other.id}`]).toMatchObject({ role: 'tutor', active: true, locked: true, pinHash: null });
    expect(onServer[`tutor:${tutor.id}`]).toMatchObject({ pinIterations: ITER });
    expect(onServer[`market:${fx.get().marketId}`]).toMatchObject({ autoLockMinutes: 5 });

    // The same push by hand: the per-change result says 403 forbidden.
    await mutate(t.db, { entity: 'tutor', id: other.id, fields: { locked: false } });
    const [entry] = await t.db.outbox.toArray();
    const res = await fetch(`${fx.get().server.url}/api/sync/push`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await getMeta<string>(t.db, 'token')}`,
      },
      body: JSON.stringify({ changes: [entry!.change] }),
    });
    const body = (await res.json()) as { results: { status: string; code: string; httpStatus: number }[] };
    expect(body.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden', httpStatus: 403 });

    // A lead does all of it.
    const l = await pad('lead-tablet', lead.id);
    await l.engine.syncNow();
    const added = await addTutor(l.db, lead.id, { name: '최새내', role: 'tutor' });
    await unlockTutor(l.db, lead.id, other.id);
    await resetPinByLead(l.db, lead.id, other.id, '2580', ITER);
    await setAutoLockMinutes(l.db, lead.id, 15);
    await l.engine.syncNow();
    expect(await l.db.rejected.count()).toBe(0);
    const after = await serverSnapshot(fx.get().server, fx.get().marketId);
    expect(after[`tutor:${added}`]).toMatchObject({ name: '최새내', updatedBy: lead.id });
    expect(after[`tutor:${other.id}`]).toMatchObject({ locked: false, pinIterations: ITER });
    expect(after[`market:${fx.get().marketId}`]).toMatchObject({ autoLockMinutes: 15 });

    // No clear PIN went over the wire, nor sits on the server.
    const wire = [...t.bodies, ...l.bodies].join('\n');
    expect(wire).toContain('pinHash');
    for (const pin of ['4321', '2580']) expect(holdsClearPin(wire, pin)).toBe(false);
    const records = JSON.stringify(await fx.get().server.storage.dumpTable('records'));
    for (const pin of ['4321', '2580']) expect(holdsClearPin(records, pin)).toBe(false);
  });

  it('stamps every change with tutor and device: shown on the other tablet, kept in the audit trail', async () => {
    const { tutor, other } = await people();
    const a = await pad('audit-a', tutor.id);
    const b = await pad('audit-b', other.id);
    const stallId = `st-${randomUUID()}`;
    await mutate(a.db, { entity: 'stall', id: stallId, fields: stallFields('해뜰청과') });
    const note = await saveNote(a.db, {
      stallId,
      text: { topics: ['쿠폰'], taught: '쿠폰 만들기', hard: '', nextStep: '', followUpDate: null },
      base: null,
      tutorId: tutor.id,
    });
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(await b.db.stalls.get(stallId)).toMatchObject({ name: '해뜰청과', updatedBy: tutor.id });
    expect(await b.db.notes.get(note.id)).toMatchObject({ tutorId: tutor.id, updatedBy: tutor.id });
    expect(await a.db.rejected.count()).toBe(0);
    const trail = await fx.get().server.storage.auditTrail(fx.get().marketId);
    const audit = trail.filter((e) => e.recordId === stallId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ tutorId: tutor.id, deviceId: a.deviceId, entity: 'stall', op: 'put' });
    const noteAudit = trail.filter((e) => e.recordId === note.id);
    expect(noteAudit).toMatchObject([{ tutorId: tutor.id, deviceId: a.deviceId, entity: 'note' }]);
    expect(noteAudit[0]?.fields).toContain('taught');
    // The audit trail keeps which fields changed, never their values (no personal data in it).
    expect(JSON.stringify(await fx.get().server.storage.dumpTable('audit_batches'))).not.toContain('쿠폰 만들기');
  });

  it('withdrawal erases the merchant name and phone on both tablets and the server, keeping progress', async () => {
    const { tutor, other } = await people();
    const a = await pad('consent-a', tutor.id);
    const b = await pad('consent-b', other.id);
    const stallId = `st-${randomUUID()}`;
    await mutate(a.db, { entity: 'stall', id: stallId, fields: { ...stallFields('바다수산'), channelOpened: true } });
    await expect(savePersonalFields(a.db, stallId, { merchantName: '정바다' }, tutor.id)).rejects.toThrow();
    const until = localToday(new Date(Date.now() + 30 * 86_400_000));
    await recordConsent(
      a.db,
      stallId,
      {
        sharePartners: false,
        photoUse: true,
        contactAfter: true,
        method: 'tablet',
        retentionUntil: until,
        refusalRightExplained: true,
      },
      tutor.id,
    );
    await savePersonalFields(a.db, stallId, { merchantName: '정바다', merchantPhone: '010-2222-3333' }, tutor.id);
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(await b.db.stalls.get(stallId)).toMatchObject({ merchantName: '정바다', merchantPhone: '010-2222-3333' });

    await withdrawConsent(b.db, stallId, other.id);
    await b.engine.syncNow();
    await a.engine.syncNow();
    for (const db of [a.db, b.db]) {
      expect(await db.stalls.get(stallId)).toMatchObject({ merchantName: '', merchantPhone: '', channelOpened: true });
      const consents = await db.consents.where('stallId').equals(stallId).toArray();
      expect(consents).toHaveLength(1);
      expect(consents[0]?.withdrawnAt).toBeTruthy();
    }
    const onServer = await serverSnapshot(fx.get().server, fx.get().marketId);
    expect(onServer[`stall:${stallId}`]).toMatchObject({ merchantName: '', merchantPhone: '', channelOpened: true });
    expect(JSON.stringify(onServer)).not.toContain('정바다');
    expect(await a.db.rejected.count()).toBe(0);
    expect(await b.db.rejected.count()).toBe(0);
  });
});
