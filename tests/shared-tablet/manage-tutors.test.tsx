import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { renderApp } from '../support/render-app';
import type { DangolDb } from '../../src/app/db/database';
import { markSignedIn } from '../../src/app/db/repos/tablet-lock';
import { signIn, verifyPin } from '../../src/app/db/repos/tutor-auth';
import { mutate } from '../../src/app/db/mutate';
import { freshMarketWithLeadAndTutor } from './seed';

let db: DangolDb;
beforeEach(async () => {
  db = await freshMarketWithLeadAndTutor();
});

describe('lead-only tutor management', () => {
  it('is hidden from a tutor, who can still change their own PIN', async () => {
    await markSignedIn(db, 'tu1');
    const { user } = renderApp('/tutors');
    expect(await screen.findByRole('heading', { name: '내 PIN 바꾸기' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '튜터 관리' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '튜터 추가' })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('지금 PIN'), '2468');
    await user.type(screen.getByLabelText('새 PIN (숫자 4~6자리)'), '8642');
    await user.type(screen.getByLabelText('새 PIN 한 번 더'), '8642');
    await user.click(screen.getByRole('button', { name: 'PIN 저장' }));
    expect(await screen.findByText('PIN을 저장했습니다.')).toBeInTheDocument();
    const row = await db.tutors.get('tu1');
    expect(row && (await verifyPin(row, '8642'))).toBe(true);
  }, 30_000);

  it('lets a lead add a tutor, deactivate, unlock a locked profile and set the auto-lock time', async () => {
    await markSignedIn(db, 'lead1');
    await mutate(db, { entity: 'tutor', id: 'tu1', fields: { locked: true } });
    const { user } = renderApp('/tutors');
    expect(await screen.findByRole('heading', { name: '튜터 관리' })).toBeInTheDocument();

    await user.type(screen.getByLabelText('이름'), '최새내');
    await user.click(screen.getByRole('button', { name: '튜터 추가' }));
    expect(await screen.findByText('최새내')).toBeInTheDocument();
    const added = (await db.tutors.toArray()).find((t) => t.name === '최새내');
    expect(added).toMatchObject({ role: 'tutor', active: true, pinHash: null, updatedBy: 'lead1' });

    const deactivate = screen.getAllByRole('button', { name: '비활성으로' });
    expect(deactivate).toHaveLength(2);
    await user.click(deactivate[1]!);
    await waitFor(async () => expect((await db.tutors.get(added!.id))?.active).toBe(false));
    expect(await screen.findByRole('button', { name: '다시 활성으로' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '잠금 해제 · 박튜터' }));
    await waitFor(async () => expect((await db.tutors.get('tu1'))?.locked).toBe(false));

    const minutes = screen.getByLabelText('자동 잠금 (분)');
    await user.clear(minutes);
    await user.type(minutes, '10');
    await user.click(screen.getByRole('button', { name: '저장' }));
    await waitFor(async () => expect((await db.markets.get('m-test'))?.autoLockMinutes).toBe(10));
    const changes = (await db.outbox.toArray()).map((e) => e.change);
    expect(changes.at(-1)).toMatchObject({ entity: 'market', tutorId: 'lead1', fields: { autoLockMinutes: 10 } });
    // The unlocked tutor signs in again with their PIN.
    expect(await signIn(db, 'tu1', '2468')).toEqual({ ok: true });
  });
});
