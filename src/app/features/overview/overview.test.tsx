import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { freshDb, renderApp } from '../../../../tests/support/render-app';
import { setStepStatus } from '../../db/repos/steps';
import { seedStall, seedVisit } from '../../db/repos/visits-test-seed';

describe('Overview screen', () => {
  it('shows the funnel numbers of a small market and links a blocker to its stall', async () => {
    const db = await freshDb();
    await seedStall(db, 's1', '행복청과', { channelOpened: true, businessStatus: 'approved', friendCount: 120 });
    await seedStall(db, 's2', '바다수산', { friendCount: 5 });
    await seedStall(db, 's3', '새봄떡집');
    await seedStall(db, 's4', '지운가게', { deleted: true });
    await seedVisit(db, 'v1', 's1', new Date(Date.now() - 86_400_000), { status: 'done' });
    await seedVisit(db, 'v2', 's2', new Date(Date.now() - 86_400_000), { status: 'done' });
    await seedVisit(db, 'v3', 's3', new Date(Date.now() + 86_400_000));
    await setStepStatus(db, { stallId: 's1', no: 1, status: 'done', tutorId: null });
    await setStepStatus(db, { stallId: 's1', no: 14, status: 'done', tutorId: null });
    await setStepStatus(db, { stallId: 's2', no: 1, status: 'done', tutorId: null });
    await setStepStatus(db, { stallId: 's2', no: 7, status: 'blocked', reason: '사업자등록증 없음', tutorId: null });
    renderApp('/overview');

    const table = await screen.findByRole('table', { name: '점포 3곳 중 단계별 점포 수' });
    const count = (stage: string) =>
      within(within(table).getByRole('row', { name: new RegExp(`^${stage}`) })).getAllByRole('cell')[0];
    expect(count('전체 점포')).toHaveTextContent('3');
    expect(count('방문함')).toHaveTextContent('2');
    expect(count('동의함')).toHaveTextContent('2');
    expect(count('채널 개설')).toHaveTextContent('1');
    expect(count('비즈니스 인증')).toHaveTextContent('1');
    expect(count('수료')).toHaveTextContent('1');
    expect(screen.getByText('전체 친구 125명')).toBeInTheDocument();
    const blockers = screen.getByRole('list', { name: '막힌 단계 1개' });
    expect(within(blockers).getByRole('link', { name: '바다수산' })).toHaveAttribute('href', '/stalls/s2');
    expect(within(blockers).getByText(/사업자등록증 없음/)).toBeInTheDocument();
  });
});
