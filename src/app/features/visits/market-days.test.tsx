// A 5일장's market days in the visits screens: the week marks them (in words), Today says whether today is
// one, and booking or moving a visit to another day warns without forbidding it. A daily market shows none.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { addHours } from 'date-fns';
import { freshDb, renderApp } from '../../../../tests/support/render-app';
import type { DangolDb } from '../../db/database';
import { mutate } from '../../db/mutate';
import { seedStall, seedTutor, seedVisit } from '../../db/repos/visits-test-seed';
import type { MarketDays } from '../../../domain';

// Thursday 26 November 2026, 10:00. With market days 2·7 the week's only market day is Friday the 27th.
const THURSDAY = new Date(2026, 10, 26, 10, 0);

async function seedMarket(db: DangolDb, schedule: '상설' | '5일장', marketDays?: MarketDays) {
  await mutate(db, {
    entity: 'market',
    id: 'm-test',
    tutorId: null,
    fields: {
      name: '장터시장',
      type: '골목형',
      schedule,
      ...(marketDays ? { marketDays } : {}),
      address: '',
      demo: false,
      autoLockMinutes: 5,
      deleted: false,
    },
  });
}

async function setUp(schedule: '상설' | '5일장', marketDays?: MarketDays, language: 'ko' | 'en' = 'ko') {
  const db = await freshDb({ tutorId: 't1', language });
  await seedMarket(db, schedule, marketDays);
  await seedTutor(db, 't1', '김하늘', 'lead');
  await seedStall(db, 's1', '행복청과');
  return db;
}

describe('market days of a 5일장', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: THURSDAY });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('marks the market days of the week in words, and only those', async () => {
    await setUp('5일장', '2·7');
    renderApp('/schedule');
    const friday = await screen.findByRole('region', { name: '11월 27일 (금), 장날, 방문 0건' });
    expect(within(friday).getByText('장날')).toBeInTheDocument();
    const thursday = screen.getByRole('region', { name: '11월 26일 (목), 방문 0건' });
    expect(within(thursday).queryByText('장날')).toBeNull();
    expect(screen.getAllByText('장날')).toHaveLength(1);
  });

  it('says on Today that today is not a market day and when the next one is, or that it is one', async () => {
    await setUp('5일장', '2·7');
    const { unmount } = renderApp('/today');
    expect(
      await screen.findByText(
        '오늘은 장날이 아닙니다 (2·7일 장). 점포에 나오지 않는 상인이 많습니다. 다음 장날: 11월 27일 (금)',
      ),
    ).toBeInTheDocument();
    unmount();

    vi.setSystemTime(new Date(2026, 10, 27, 10, 0));
    renderApp('/today');
    expect(await screen.findByText(/오늘은 장날입니다 \(2·7일 장\)/)).toBeInTheDocument();
  });

  it('warns when a booking falls on another day, and still books it', async () => {
    const db = await setUp('5일장', '2·7');
    const { user } = renderApp('/schedule');
    await user.click(await screen.findByRole('button', { name: '방문 예약' }));
    const form = await screen.findByRole('form', { name: '방문 예약' });
    // The form opens on today, Thursday: not a market day.
    await waitFor(() =>
      expect(within(form).getByRole('status')).toHaveTextContent(
        '11월 26일 (목)은 장날이 아닙니다 (이 시장 장날: 2·7일). 상인이 점포에 없을 수 있으니 미리 확인하세요. 다음 장날: 11월 27일 (금)',
      ),
    );
    const date = within(form).getByLabelText('날짜');
    await user.clear(date);
    await user.type(date, '2026-11-27');
    await waitFor(() => expect(within(form).getByRole('status')).toBeEmptyDOMElement());
    await user.clear(date);
    await user.type(date, '2026-11-28');
    expect(await within(form).findByText(/11월 28일 \(토\)은 장날이 아닙니다/)).toBeInTheDocument();

    await user.selectOptions(within(form).getByLabelText('점포'), 's1');
    await user.type(within(form).getByLabelText('시간 (상인이 고른 시간)'), '14:30');
    await user.click(within(form).getByRole('button', { name: '예약 저장' }));
    await waitFor(async () => expect(await db.visits.count()).toBe(1));
  });

  it('warns when a visit is moved to another day', async () => {
    const db = await setUp('5일장', '2·7');
    await seedVisit(db, 'v1', 's1', addHours(new Date(2026, 10, 27), 10), { tutorId: 't1' });
    const { user } = renderApp('/schedule');
    await user.click(await screen.findByRole('button', { name: /오전 10:00 행복청과/ }));
    const card = await screen.findByRole('article', { name: '행복청과' });
    await user.click(within(card).getByRole('button', { name: '일정 변경' }));
    const form = within(card).getByRole('group', { name: '행복청과 일정 변경' });
    await waitFor(() => expect(within(form).getByRole('status')).toBeEmptyDOMElement());
    const date = within(form).getByLabelText('새 날짜');
    await user.clear(date);
    await user.type(date, '2026-11-30');
    expect(await within(form).findByRole('status')).toHaveTextContent(
      /11월 30일 \(월\)은 장날이 아닙니다.*다음 장날: 12월 2일 \(수\)/,
    );
  });

  it('speaks English too', async () => {
    await setUp('5일장', '2·7', 'en');
    renderApp('/today');
    expect(
      await screen.findByText(
        'Today is not a market day (market days 2·7): many merchants are not at their stalls. Next market day: Fri, Nov 27',
      ),
    ).toBeInTheDocument();
  });

  it('shows none of it for a daily market (whatever market days it once had)', async () => {
    await setUp('상설', '2·7');
    const { user } = renderApp('/schedule');
    expect(await screen.findByRole('region', { name: '11월 27일 (금), 방문 0건' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '방문 예약' }));
    const form = await screen.findByRole('form', { name: '방문 예약' });
    await user.selectOptions(within(form).getByLabelText('점포'), 's1');
    const date = within(form).getByLabelText('날짜');
    await user.clear(date);
    await user.type(date, '2026-11-28');
    await user.type(within(form).getByLabelText('시간 (상인이 고른 시간)'), '14:30');
    expect(within(form).getByRole('status')).toBeEmptyDOMElement();
    expect(screen.queryByText('장날')).toBeNull();
  });
});
