// The stall form cannot save a merchant's name or phone without a consent on record; with one it can, and
// the stall detail shows the consent status with the way to the consent screen.
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { freshDb, renderApp } from '../support/render-app';
import type { DangolDb } from '../../src/app/db/database';
import { markSignedIn } from '../../src/app/db/repos/tablet-lock';
import { consentAndSavePersonal, seedMarket, seedTutor } from './seed';

let db: DangolDb;
beforeEach(async () => {
  db = await freshDb({ marketId: 'm-test' });
  await seedMarket(db);
  await seedTutor(db, 'tu1', '박튜터');
  await markSignedIn(db, 'tu1');
});

describe('consent before personal fields in the stall form', () => {
  it('refuses a new stall with a merchant name, in words, and writes nothing', async () => {
    const { user } = renderApp('/stalls?add=1');
    const form = await screen.findByRole('form', { name: '새 점포' });
    await user.type(within(form).getByLabelText('점포 이름'), '해뜰청과');
    await user.type(within(form).getByLabelText('상인 이름'), '김순자');
    const before = await db.outbox.count();
    await user.click(within(form).getByRole('button', { name: '저장' }));
    expect(await within(form).findByText(/개인정보 동의를 받은 뒤에만/)).toBeInTheDocument();
    expect(await db.stalls.count()).toBe(0);
    expect(await db.outbox.count()).toBe(before);
  });

  it('shows the consent status on the stall and opens the consent screen from it', async () => {
    const { user } = renderApp('/stalls?add=1');
    const form = await screen.findByRole('form', { name: '새 점포' });
    await user.type(within(form).getByLabelText('점포 이름'), '해뜰청과');
    await user.click(within(form).getByRole('button', { name: '저장' }));
    expect(await screen.findByText(/개인정보 동의: 없음/)).toBeInTheDocument();
    const stall = (await db.stalls.toArray())[0]!;
    await consentAndSavePersonal(db, stall.id, { merchantName: '김순자' }, 'tu1');
    expect(await screen.findByText(/개인정보 동의: 있음/)).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: '동의 기록 보기' }));
    expect(await screen.findByText(/박튜터 님이 받음/)).toBeInTheDocument();
  });
});
