import { beforeAll, describe, expect, it } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import { freshDb, renderApp } from '../../../../tests/support/render-app';
import type { DangolDb } from '../../db/database';
import { mutate } from '../../db/mutate';
import { createStall, emptyStall, type StallFields } from '../../db/repos/stalls';
import { setStepStatus } from '../../db/repos/steps';
import { consentAndSavePersonal } from '../../../../tests/shared-tablet/seed';

// The whole suite runs in parallel on small machines: give live queries time to settle.
configure({ asyncUtilTimeout: 5000 });

// happy-dom does no layout: give the list's scroll box a height so the virtualizer renders rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
});

/** A stall; its merchant's name and phone are saved after a consent on record (issue 4). */
const stall = async (db: DangolDb, f: Partial<StallFields>) => {
  const { merchantName = '', merchantPhone = '', ...rest } = f;
  const id = await createStall(db, { ...emptyStall(), ...rest }, 't1');
  if (merchantName || merchantPhone) await consentAndSavePersonal(db, id, { merchantName, merchantPhone }, 't1');
  return id;
};

async function doneVisit(db: DangolDb, stallId: string) {
  await mutate(db, {
    entity: 'visit',
    id: `v-${stallId}`,
    fields: {
      stallId,
      tutorId: 't1',
      scheduledAt: '2026-03-02T10:00:00.000+09:00',
      durationMin: 30,
      purpose: '',
      status: 'done',
      actualMin: 25,
      completedAt: '2026-03-02T10:30:00.000+09:00',
      rescheduledFrom: null,
      deleted: false,
    },
  });
}

const list = () => screen.getByRole('list', { name: '점포 목록' });
const rowNames = () =>
  within(list())
    .queryAllByRole('link')
    .map((a) => a.querySelector('strong')?.textContent);

describe('Stalls: search and filter', () => {
  it('searches as one types and filters by visit, progress, channel and blockers', async () => {
    const db = await freshDb({ tutorId: 't1' });
    const a = await stall(db, {
      name: '행복청과',
      category: '청과·채소',
      building: 'A동',
      floor: '1',
      merchantName: '김순자',
    });
    const b = await stall(db, {
      name: '바다수산',
      category: '수산',
      row: '나열',
      landmark: '정문 옆',
      channelOpened: true,
    });
    await stall(db, { name: '고소한 방앗간', category: '떡·방앗간', building: 'B동' });
    await doneVisit(db, a);
    await setStepStatus(db, { stallId: a, no: 1, status: 'done', tutorId: 't1' });
    await setStepStatus(db, { stallId: b, no: 2, status: 'blocked', reason: '사업자등록증 없음', tutorId: 't1' });
    const { user } = renderApp('/stalls');

    await waitFor(() => expect(rowNames()).toEqual(['고소한 방앗간', '바다수산', '행복청과']));
    const happy = within(list()).getByRole('link', { name: /행복청과/ });
    // The rows paint first; the checklist counts follow from their own read.
    await waitFor(() => expect(happy).toHaveTextContent('체크리스트 1/15'));
    expect(happy).toHaveTextContent('A동 · 1층');
    expect(happy).toHaveTextContent('김순자');
    const sea = within(list()).getByRole('link', { name: /바다수산/ });
    expect(sea).toHaveTextContent('채널 개설');
    expect(sea).toHaveTextContent('막힘');

    const search = screen.getByLabelText('점포 검색');
    await user.type(search, '김순');
    await waitFor(() => expect(rowNames()).toEqual(['행복청과']));
    await user.clear(search);
    await user.type(search, '정문');
    await waitFor(() => expect(rowNames()).toEqual(['바다수산']));
    await user.clear(search);
    await user.type(search, 'b동');
    await waitFor(() => expect(rowNames()).toEqual(['고소한 방앗간']));
    await user.clear(search);
    await user.type(search, '없는 가게');
    expect(await screen.findByText('맞는 점포가 없습니다.')).toBeInTheDocument();
    await user.clear(search);

    const filters = screen.getByRole('group', { name: '점포 거르기' });
    await user.click(within(filters).getByRole('button', { name: '방문 전' }));
    await waitFor(() => expect(rowNames()).toEqual(['고소한 방앗간', '바다수산']));
    await user.click(within(filters).getByRole('button', { name: '막힌 단계' }));
    await waitFor(() => expect(rowNames()).toEqual(['바다수산']));
    await user.click(within(filters).getByRole('button', { name: '방문 전' }));
    await user.click(within(filters).getByRole('button', { name: '막힌 단계' }));
    await user.click(within(filters).getByRole('button', { name: '채널 개설' }));
    await waitFor(() => expect(rowNames()).toEqual(['바다수산']));
    await user.click(within(filters).getByRole('button', { name: '채널 개설' }));
    await user.selectOptions(within(filters).getByLabelText('체크리스트'), '시작 전');
    await waitFor(() => expect(rowNames()).toEqual(['고소한 방앗간']));
    expect(screen.getByRole('status')).toHaveTextContent('1곳');
  });
});

describe('Stalls: add and edit', () => {
  it('shows a validation error beside the field, saves nothing, then saves once fixed', async () => {
    const db = await freshDb({ tutorId: 't1' });
    const { user, router } = renderApp('/stalls');
    await user.click(await screen.findByRole('link', { name: '점포 추가' }));
    const form = await screen.findByRole('form', { name: '새 점포' });
    await user.type(within(form).getByLabelText('검색용 아이디'), 'haengbokfruit-market');
    await user.click(within(form).getByRole('button', { name: '저장' }));

    expect(await within(form).findByText('꼭 입력해 주세요.')).toBeInTheDocument();
    expect(within(form).getByLabelText('점포 이름')).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByText('15자 이내로 적어 주세요.')).toBeInTheDocument();
    expect(within(form).getByLabelText('검색용 아이디')).toHaveAttribute('aria-invalid', 'true');
    expect(await db.stalls.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);

    await user.type(within(form).getByLabelText('점포 이름'), '행복청과');
    await user.selectOptions(within(form).getByLabelText('업종'), '청과·채소');
    await user.type(within(form).getByLabelText('동·상가'), 'A동');
    const searchId = within(form).getByLabelText('검색용 아이디');
    await user.clear(searchId);
    await user.type(searchId, 'happyfruit');
    await user.click(within(form).getByRole('button', { name: '저장' }));

    await waitFor(async () => expect(await db.stalls.count()).toBe(1));
    const [saved] = await db.stalls.toArray();
    expect(saved).toMatchObject({
      name: '행복청과',
      category: '청과·채소',
      building: 'A동',
      channelSearchId: 'happyfruit',
    });
    await waitFor(() => expect(router.state.location.pathname).toBe(`/stalls/${saved!.id}`));
    expect(await screen.findByRole('heading', { name: '행복청과', level: 2 })).toBeInTheDocument();

    // Edit: only the changed field goes into the change; the detail shows it.
    await user.click(screen.getByRole('link', { name: '정보 수정' }));
    const edit = await screen.findByRole('form', { name: '점포 정보 수정' });
    expect(within(edit).getByLabelText('점포 이름')).toHaveValue('행복청과');
    const friends = within(edit).getByLabelText('친구 수');
    await user.clear(friends);
    await user.type(friends, '42');
    await user.click(within(edit).getByRole('button', { name: '저장' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: '점포 정보 수정' })).toBeNull());
    expect(await screen.findByText('42명')).toBeInTheDocument();
    const last = (await db.outbox.orderBy('seq').last())!;
    expect(Object.keys(last.change.fields).sort()).toEqual(['friendCount', 'friendCountAt', 'updatedAt', 'updatedBy']);
  });
});

describe('Stalls: the open stall in the list', () => {
  it('marks the row of the stall that is open, and only that one, as a tap opens another', async () => {
    const db = await freshDb({ tutorId: 't1' });
    await stall(db, { name: '행복청과', category: '청과·채소' });
    await stall(db, { name: '바다수산', category: '수산' });
    const { user, router } = renderApp('/stalls');
    await screen.findByRole('list', { name: '점포 목록' });
    const row = async (name: string) => (await within(list()).findByText(name)).closest('a')!;
    expect(await row('행복청과')).not.toHaveAttribute('aria-current');

    await user.click(await row('행복청과'));
    expect(await screen.findByRole('heading', { level: 2, name: '행복청과' })).toBeInTheDocument();
    expect(await row('행복청과')).toHaveAttribute('aria-current', 'page');
    expect(await row('바다수산')).not.toHaveAttribute('aria-current');

    await user.click(await row('바다수산'));
    expect(await screen.findByRole('heading', { level: 2, name: '바다수산' })).toBeInTheDocument();
    expect(await row('바다수산')).toHaveAttribute('aria-current', 'page');
    expect(await row('행복청과')).not.toHaveAttribute('aria-current');
    const opened = router.state.location.pathname;

    // Tapping the open stall again keeps one history entry for it (replaced, not pushed).
    await user.click(await row('바다수산'));
    await waitFor(() => expect(router.state.historyAction).toBe('REPLACE'));
    expect(router.state.location.pathname).toBe(opened);
  });
});
