// Today's order at a fixed "now": an overdue planned visit comes first, marked and still actionable; the next
// visit is the earliest planned one at or after now; the rest follow by time.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addMinutes, startOfDay } from 'date-fns';
import { MemoryRouter } from 'react-router';
import { freshDb } from '../../../../tests/support/render-app';
import { LinkNavigation } from '../../ui/app-link';
import { seedStall, seedTutor, seedVisit } from '../../db/repos/visits-test-seed';
import { TodayVisits } from './today-visits';

describe('Today at 11:00', () => {
  it('lists the overdue 9:30 visit first, the 12:00 one as next, and the rest by time', async () => {
    const db = await freshDb({ tutorId: 't1' });
    await seedTutor(db, 't1', '김하늘');
    const day = startOfDay(new Date());
    const at = (h: number, m = 0) => addMinutes(day, h * 60 + m);
    await seedStall(db, 's1', '아침상회');
    await seedStall(db, 's2', '늦은가게');
    await seedStall(db, 's3', '점심가게');
    await seedStall(db, 's4', '오후가게');
    await seedStall(db, 's5', '저녁가게');
    await seedVisit(db, 'v1', 's1', at(8), { tutorId: 't1', status: 'done' });
    await seedVisit(db, 'v2', 's2', at(9, 30), { tutorId: 't1' });
    await seedVisit(db, 'v3', 's3', at(12), { tutorId: 't1' });
    await seedVisit(db, 'v5', 's5', at(17), { tutorId: 't1' });
    await seedVisit(db, 'v4', 's4', at(15), { tutorId: 't1' });
    const user = userEvent.setup();
    render(
      <MemoryRouter>
        <LinkNavigation>
          <TodayVisits now={at(11)} />
        </LinkNavigation>
      </MemoryRouter>,
    );

    const next = await screen.findByRole('region', { name: '다음 방문' });
    expect(within(next).getByRole('heading', { name: '점심가게' })).toBeInTheDocument();

    const overdue = screen.getByRole('region', { name: '시간이 지난 방문' });
    const late = within(overdue).getByRole('article', { name: '늦은가게' });
    expect(within(late).getByText('시간 지남')).toBeInTheDocument();

    // Top to bottom: the overdue one, the next one, then the rest of the day by time.
    const order = screen.getAllByRole('article').map((a) => within(a).getByRole('heading').textContent);
    expect(order).toEqual(['늦은가게', '점심가게', '아침상회', '오후가게', '저녁가게']);

    // Still actionable: marking the overdue visit done takes it out of the overdue list.
    await user.click(within(late).getByRole('button', { name: '완료' }));
    await waitFor(async () => expect((await db.visits.get('v2'))?.status).toBe('done'));
    await waitFor(() => expect(screen.queryByRole('region', { name: '시간이 지난 방문' })).toBeNull());
  });
});
