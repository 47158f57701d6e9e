import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { addHours, startOfDay } from 'date-fns';
import { freshDb, renderApp } from '../../../../tests/support/render-app';
import { render } from '@testing-library/react';
import { seedStall, seedTutor, seedVisit } from '../../db/repos/visits-test-seed';
import { VisitHistory } from './visit-history';

describe('Today', () => {
  // A fixed morning, so "later today" exists whenever the suite runs (it failed after 23:00 before).
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(2026, 10, 26, 10, 0) });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists my visits in route order, the next one large, and marks one done in one tap', async () => {
    const db = await freshDb({ tutorId: 't1' });
    await seedTutor(db, 't1', '김하늘', 'lead');
    await seedTutor(db, 't2', '이서연');
    await seedStall(db, 's1', '행복청과', { building: 'B동' });
    await seedStall(db, 's2', '바다수산', { building: 'A동' });
    await seedStall(db, 's3', '남의가게');
    const day = startOfDay(new Date());
    await seedVisit(db, 'v1', 's1', addHours(day, 23), { tutorId: 't1' });
    await seedVisit(db, 'v2', 's2', addHours(day, 23), { tutorId: 't1' });
    await seedVisit(db, 'v3', 's3', addHours(day, 23), { tutorId: 't2' });
    const { user } = renderApp('/today');

    const next = await screen.findByRole('region', { name: '다음 방문' });
    // Same time: the stall in A동 comes first on the route.
    expect(within(next).getByRole('heading', { name: '바다수산' })).toBeInTheDocument();
    expect(screen.getByText('오늘 방문 2건')).toBeInTheDocument();
    expect(screen.queryByText('남의가게')).toBeNull();

    await user.click(screen.getByRole('button', { name: '모든 튜터' }));
    expect(await screen.findByText('남의가게')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '내 방문' }));

    await user.click(within(next).getByRole('button', { name: '완료' }));
    await waitFor(async () => expect((await db.visits.get('v2'))?.status).toBe('done'));
    const done = await db.visits.get('v2');
    expect(done?.actualMin).toBeGreaterThan(0);
    expect(done?.completedAt).not.toBeNull();
    // The next visit is now the other stall; the done one stays listed as done.
    expect(
      await within(screen.getByRole('region', { name: '다음 방문' })).findByRole('heading', { name: '행복청과' }),
    ).toBeInTheDocument();
    const doneCard = screen.getByRole('article', { name: '바다수산' });
    expect(within(doneCard).getByText('완료')).toBeInTheDocument();

    await user.click(within(screen.getByRole('region', { name: '다음 방문' })).getByRole('button', { name: '불발' }));
    await waitFor(async () => expect((await db.visits.get('v1'))?.status).toBe('missed'));
  });

  it('shows the last visits at once when opened again, and never ones older than a change', async () => {
    const db = await freshDb({ tutorId: 't1' });
    await seedTutor(db, 't1', '김하늘', 'lead');
    await seedStall(db, 's1', '행복청과');
    await seedStall(db, 's2', '바다수산');
    const day = startOfDay(new Date());
    await seedVisit(db, 'v1', 's1', addHours(day, 22), { tutorId: 't1' });
    await seedVisit(db, 'v2', 's2', addHours(day, 21), { tutorId: 't1' });
    const { user } = renderApp('/today');
    const nextIs = (name: string) =>
      within(screen.getByRole('region', { name: '다음 방문' })).getByRole('heading', { name });
    expect(await screen.findByRole('region', { name: '다음 방문' })).toBeInTheDocument();
    expect(nextIs('바다수산')).toBeInTheDocument();

    // Away to 점포 and back: Today's visits and names are there in the tap's own render (fireEvent: nothing else runs
    // before the check), not after a "loading".
    await user.click(screen.getByRole('link', { name: '점포' }));
    expect(await screen.findByRole('heading', { level: 1, name: '점포' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: '오늘' }));
    expect(nextIs('바다수산')).toBeInTheDocument();
    expect(screen.getAllByText('튜터: 김하늘')).toHaveLength(2);

    // A visit changes while Today is not shown: coming back never shows the old answer, only the new one.
    await user.click(screen.getByRole('link', { name: '점포' }));
    expect(await screen.findByRole('heading', { level: 1, name: '점포' })).toBeInTheDocument();
    await db.visits.update('v2', { status: 'done' });
    fireEvent.click(screen.getByRole('link', { name: '오늘' }));
    // Right after the tap: still loading, or already the new answer (바다수산 done, 행복청과 next) — never 바다수산 next.
    const nextNow = screen.queryByRole('region', { name: '다음 방문' });
    expect(nextNow && within(nextNow).queryByRole('heading', { name: '바다수산' })).toBeNull();
    expect(
      await within(await screen.findByRole('region', { name: '다음 방문' })).findByRole('heading', {
        name: '행복청과',
      }),
    ).toBeInTheDocument();
  });

  it('shows an empty state with a link to the schedule', async () => {
    await freshDb();
    renderApp('/today');
    expect(await screen.findByText('오늘 예정된 방문이 없습니다.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '일정에서 방문 예약하기' })).toHaveAttribute('href', '/schedule');
  });

  it('offers the demo market or enrollment on a first start, and loads the demo in one tap', async () => {
    const db = await freshDb();
    await db.meta.delete('marketId');
    const { user } = renderApp('/today');
    expect(await screen.findByRole('link', { name: '이 태블릿 등록하기' })).toHaveAttribute('href', '/sync');
    await user.click(screen.getByRole('button', { name: '체험용 시장 불러오기' }));
    expect(await screen.findByText('체험용 시장', { selector: '.badge-demo' })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: '다음 방문' }, { timeout: 5000 })).toBeInTheDocument();
    expect(await db.stalls.count()).toBe(60);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.meta.get('demo'))?.value).toBe(true);
  });
});

describe('VisitHistory', () => {
  it('shows upcoming and past visits with status, tutor and length', async () => {
    const db = await freshDb();
    await seedTutor(db, 't1', '김하늘');
    await seedStall(db, 's1', '행복청과');
    await seedVisit(db, 'v1', 's1', new Date(Date.now() - 7 * 86_400_000), { tutorId: 't1', status: 'done' });
    await seedVisit(db, 'v2', 's1', new Date(Date.now() + 2 * 86_400_000), { purpose: '쿠폰' });
    render(<VisitHistory stallId="s1" />);
    const upcoming = await screen.findByRole('list', { name: '예정된 방문' });
    expect(within(upcoming).getByText(/쿠폰/)).toBeInTheDocument();
    expect(within(upcoming).getByText('튜터 미정')).toBeInTheDocument();
    const past = screen.getByRole('list', { name: '지난 방문' });
    expect(within(past).getByText('튜터: 김하늘')).toBeInTheDocument();
    expect(within(past).getByText('30분')).toBeInTheDocument();
    expect(within(past).getByText('완료')).toBeInTheDocument();
  });
});
