// Authorship on the shared tablet: what tutor A did is stamped with A and this device, and shows A's name
// and the time on notes, checklist steps and visits when tutor B holds the tablet.
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { freshDb, renderApp } from '../support/render-app';
import type { DangolDb } from '../../src/app/db/database';
import { getMeta } from '../../src/app/db/meta';
import { mutate } from '../../src/app/db/mutate';
import { saveNote } from '../../src/app/db/repos/notes';
import { setStepStatus } from '../../src/app/db/repos/steps';
import { markSignedIn } from '../../src/app/db/repos/tablet-lock';
import { stallFields } from '../integration/tablets';
import { seedMarket, seedTutor } from './seed';

let db: DangolDb;
beforeEach(async () => {
  db = await freshDb({ marketId: 'm-test' });
  await seedMarket(db);
  await seedTutor(db, 'tu-a', '김하나');
  await seedTutor(db, 'tu-b', '이두리');
  await mutate(db, { entity: 'stall', id: 'st1', tutorId: null, fields: stallFields('해뜰청과') });
});

describe('authorship', () => {
  it('stamps changes with tutor and device, and shows who and when to the next tutor', async () => {
    await markSignedIn(db, 'tu-a');
    const before = await db.outbox.count();
    await saveNote(db, {
      stallId: 'st1',
      text: { topics: ['쿠폰'], taught: '쿠폰 만들기', hard: '', nextStep: '', followUpDate: null },
      base: null,
      tutorId: 'tu-a',
    });
    await setStepStatus(db, { stallId: 'st1', no: 1, status: 'done', tutorId: 'tu-a' });
    await mutate(db, {
      entity: 'visit',
      id: 'v1',
      fields: {
        stallId: 'st1',
        tutorId: 'tu-a',
        scheduledAt: '2026-11-20T01:00:00.000Z',
        durationMin: 30,
        purpose: '채널 개설',
        status: 'done',
        actualMin: 40,
        completedAt: '2026-11-20T01:40:00.000Z',
        rescheduledFrom: null,
        deleted: false,
      },
    });
    const deviceId = await getMeta<string>(db, 'deviceId');
    const changes = (await db.outbox.toArray()).slice(before).map((e) => e.change);
    expect(changes.length).toBeGreaterThanOrEqual(4);
    for (const c of changes) {
      expect(c.tutorId).toBe('tu-a');
      expect(c.fields.updatedBy).toBe('tu-a');
      expect(c.clock.endsWith(deviceId!)).toBe(true);
    }

    await markSignedIn(db, 'tu-b');
    renderApp('/stalls/st1');
    expect(await screen.findByText('이두리 님 사용 중')).toBeInTheDocument();
    const notes = await screen.findByRole('region', { name: '1:1 상담 노트' }, { timeout: 5000 });
    expect(await within(notes).findByText(/김하나 · /)).toBeInTheDocument();
    expect(await screen.findByText(/튜터: 김하나/)).toBeInTheDocument();
    const stepLine = await screen.findAllByText(/김하나 · /);
    expect(stepLine.length).toBeGreaterThanOrEqual(2);
  });
});
