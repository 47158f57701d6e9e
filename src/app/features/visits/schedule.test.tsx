import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { addDays, addHours, startOfDay } from 'date-fns';
import { freshDb, renderApp } from '../../../../tests/support/render-app';
import { formatDate } from '../../i18n/format';
import { seedStall, seedTutor, seedVisit } from '../../db/repos/visits-test-seed';
import { dayKey, mondayOf } from './time';

describe('Schedule: book, edit, reschedule and cancel', () => {
  it('refuses an incomplete booking with messages beside the fields, then books and shows it on its day', async () => {
    const db = await freshDb({ tutorId: 't1' });
    await seedTutor(db, 't1', '김하늘', 'lead');
    await seedStall(db, 's1', '행복청과');
    await seedStall(db, 's2', '바다수산', { building: 'B동' });
    const { user } = renderApp('/schedule');

    await user.click(await screen.findByRole('button', { name: '방문 예약' }));
    const form = await screen.findByRole('form', { name: '방문 예약' });
    await user.click(within(form).getByRole('button', { name: '예약 저장' }));
    expect(await within(form).findByText('점포를 골라 주세요')).toBeInTheDocument();
    expect(within(form).getByText('시간을 골라 주세요 (예: 오후 2:30)')).toBeInTheDocument();
    expect(within(form).getByLabelText('점포')).toHaveAttribute('aria-invalid', 'true');
    expect(await db.visits.count()).toBe(0);

    // Search narrows the choices; pick the stall, a date in the week and a time.
    await user.type(within(form).getByLabelText('점포 찾기'), '바다');
    const picker = within(form).getByLabelText('점포');
    expect(within(picker).queryByRole('option', { name: /행복청과/ })).toBeNull();
    await user.selectOptions(picker, 's2');
    const day = addDays(mondayOf(new Date()), 2);
    const date = within(form).getByLabelText('날짜');
    await user.clear(date);
    await user.type(date, dayKey(day));
    await user.type(within(form).getByLabelText('시간 (상인이 고른 시간)'), '14:30');
    await user.type(within(form).getByLabelText('방문 목적'), '쿠폰 만들기');
    await user.click(within(form).getByRole('button', { name: '예약 저장' }));

    await waitFor(async () => expect(await db.visits.count()).toBe(1));
    const [visit] = await db.visits.toArray();
    expect(visit).toMatchObject({ stallId: 's2', tutorId: 't1', status: 'scheduled', purpose: '쿠폰 만들기' });
    expect(new Date(visit!.scheduledAt).getHours()).toBe(14);
    expect(await db.outbox.count()).toBeGreaterThan(0);

    const label = formatDate(day, 'shortDate', 'ko');
    const column = screen.getByRole('region', { name: `${label}, 방문 1건` });
    expect(within(column).getByRole('button', { name: /오후 2:30 바다수산/ })).toBeInTheDocument();
  });

  it("shows the week's visits at once when 일정 is opened again", async () => {
    const db = await freshDb({ tutorId: 't1' });
    await seedTutor(db, 't1', '김하늘', 'lead');
    await seedStall(db, 's1', '행복청과');
    const monday = mondayOf(new Date());
    await seedVisit(db, 'v1', 's1', addHours(startOfDay(addDays(monday, 1)), 10), { tutorId: 't1' });
    const { user } = renderApp('/schedule');
    expect(await screen.findByRole('button', { name: /오전 10:00 행복청과/ })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: '오늘' }));
    expect(await screen.findByText(/오늘 방문/)).toBeInTheDocument();
    // In the tap's own render (fireEvent: nothing else runs before the check), not after a "loading".
    fireEvent.click(screen.getByRole('link', { name: '일정' }));
    expect(screen.getByRole('button', { name: /오전 10:00 행복청과/ })).toBeInTheDocument();
  });

  it('reschedules a visit (old one kept as rescheduled, new one linked) and cancels another', async () => {
    const db = await freshDb({ tutorId: 't1' });
    await seedTutor(db, 't1', '김하늘', 'lead');
    await seedStall(db, 's1', '행복청과');
    await seedStall(db, 's2', '바다수산');
    const monday = mondayOf(new Date());
    await seedVisit(db, 'v1', 's1', addHours(startOfDay(addDays(monday, 1)), 10), { tutorId: 't1' });
    await seedVisit(db, 'v2', 's2', addHours(startOfDay(addDays(monday, 3)), 11), { tutorId: 't1' });
    const { user } = renderApp('/schedule');

    await user.click(await screen.findByRole('button', { name: /오전 10:00 행복청과/ }));
    const card = await screen.findByRole('article', { name: '행복청과' });
    await user.click(within(card).getByRole('button', { name: '일정 변경' }));
    const form = within(card).getByRole('group', { name: '행복청과 일정 변경' });
    const newDay = addDays(monday, 4);
    const date = within(form).getByLabelText('새 날짜');
    await user.clear(date);
    await user.type(date, dayKey(newDay));
    const time = within(form).getByLabelText('새 시간');
    await user.clear(time);
    await user.type(time, '15:00');
    await user.click(within(form).getByRole('button', { name: '변경 저장' }));

    await waitFor(async () => expect((await db.visits.get('v1'))?.status).toBe('rescheduled'));
    const moved = (await db.visits.toArray()).find((v) => v.rescheduledFrom === 'v1');
    expect(moved).toMatchObject({ status: 'scheduled', stallId: 's1', tutorId: 't1' });
    expect(dayKey(moved!.scheduledAt)).toBe(dayKey(newDay));
    const newColumn = await screen.findByRole('region', {
      name: `${formatDate(newDay, 'shortDate', 'ko')}, 방문 1건`,
    });
    expect(within(newColumn).getByRole('button', { name: /오후 3:00 행복청과/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /오전 11:00 바다수산/ }));
    const card2 = await screen.findByRole('article', { name: '바다수산' });
    await user.click(within(card2).getByRole('button', { name: '방문 취소' }));
    await user.click(within(card2).getByRole('button', { name: '예, 취소합니다' }));
    await waitFor(async () => expect((await db.visits.get('v2'))?.status).toBe('cancelled'));
    expect(await screen.findByRole('button', { name: /바다수산 \(취소\)/ })).toBeInTheDocument();
  });

  it('edits a booked visit: another tutor, time and length', async () => {
    const db = await freshDb({ tutorId: 't1' });
    await seedTutor(db, 't1', '김하늘', 'lead');
    await seedTutor(db, 't2', '이서연');
    await seedStall(db, 's1', '행복청과');
    const day = addDays(mondayOf(new Date()), 1);
    await seedVisit(db, 'v1', 's1', addHours(startOfDay(day), 10), { tutorId: 't1' });
    const { user } = renderApp('/schedule');

    await user.click(await screen.findByRole('button', { name: /오전 10:00 행복청과/ }));
    await user.click(
      within(await screen.findByRole('article', { name: '행복청과' })).getByRole('button', { name: '수정' }),
    );
    const form = await screen.findByRole('form', { name: '방문 수정' });
    expect(within(form).getByLabelText('점포')).toHaveValue('s1');
    await user.selectOptions(within(form).getByLabelText('방문 튜터'), 't2');
    const time = within(form).getByLabelText('시간 (상인이 고른 시간)');
    await user.clear(time);
    await user.type(time, '16:00');
    const duration = within(form).getByLabelText('예상 시간 (분)');
    await user.clear(duration);
    await user.type(duration, '2');
    await user.click(within(form).getByRole('button', { name: '수정 저장' }));
    expect(await within(form).findByText('5분에서 480분 사이로 적어 주세요')).toBeInTheDocument();
    expect((await db.visits.get('v1'))?.tutorId).toBe('t1');

    await user.clear(duration);
    await user.type(duration, '45');
    await user.click(within(form).getByRole('button', { name: '수정 저장' }));
    await waitFor(async () => expect((await db.visits.get('v1'))?.tutorId).toBe('t2'));
    const v = await db.visits.get('v1');
    expect(v).toMatchObject({ durationMin: 45, status: 'scheduled', stallId: 's1' });
    expect(new Date(v!.scheduledAt).getHours()).toBe(16);
    expect(await screen.findByRole('button', { name: /오후 4:00 행복청과/ })).toBeInTheDocument();
  });

  it('moves between weeks and marks today', async () => {
    await freshDb();
    const { user } = renderApp('/schedule');
    const today = formatDate(new Date(), 'shortDate', 'ko');
    expect(await screen.findByRole('region', { name: `${today}, 방문 0건` })).toHaveAttribute('aria-current', 'date');
    await user.click(screen.getByRole('button', { name: '다음 주' }));
    expect(screen.queryByRole('region', { name: `${today}, 방문 0건` })).toBeNull();
    await user.click(screen.getByRole('button', { name: '이번 주' }));
    expect(await screen.findByRole('region', { name: `${today}, 방문 0건` })).toBeInTheDocument();
  });
});
