import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { freshDb, renderApp } from '../support/render-app';
import type { DangolDb } from '../../src/app/db/database';
import { markSignedIn } from '../../src/app/db/repos/tablet-lock';
import { seedMarket, seedTutor } from './seed';

let db: DangolDb;
beforeEach(async () => {
  db = await freshDb({ marketId: 'm-test' });
  await seedMarket(db);
  await seedTutor(db, 'tu1', '박튜터');
  await markSignedIn(db, 'tu1');
  URL.createObjectURL = () => 'blob:x';
  URL.revokeObjectURL = () => undefined;
});

describe('device wrap-up screen', () => {
  it('keeps wipe disabled with unsynced changes until they are exported, then wipes everything', async () => {
    const { user } = renderApp('/device');
    expect(await screen.findByText('서버에 아직 보내지 않은 변경: 2건')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '이 태블릿 지우기' })).toBeDisabled();
    expect(screen.getByText(/지울 수 없습니다/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '보고서·데이터 내보내기' }));
    expect(await screen.findByText(/내보냈습니다/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: '이 태블릿 지우기' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: '이 태블릿 지우기' }));
    await user.click(screen.getByRole('button', { name: '네, 모두 지웁니다' }));
    await waitFor(async () => expect(await db.tutors.count()).toBe(0));
    for (const table of db.tables) expect(await table.count()).toBe(0);
  });
});
