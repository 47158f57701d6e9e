import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { addDays, addHours, startOfDay } from 'date-fns';
import { freshDb, renderApp } from '../../../../tests/support/render-app';
import { mutate } from '../../db/mutate';
import { seedStall, seedTutor, seedVisit } from '../../db/repos/visits-test-seed';
import { dayKey } from './time';

describe('During a visit', () => {
  it('shows the stall, its checklist and note editor, marks the visit done and books the follow-up', async () => {
    const db = await freshDb({ tutorId: 't1' });
    await seedTutor(db, 't1', '김하늘');
    await seedStall(db, 's1', '행복청과');
    const at = addHours(startOfDay(new Date()), 10);
    await seedVisit(db, 'v1', 's1', at, { tutorId: 't1', purpose: '채널 개설' });
    const followUp = dayKey(addDays(new Date(), 5));
    await mutate(db, {
      entity: 'note',
      id: 'n1',
      tutorId: 't1',
      fields: {
        stallId: 's1',
        visitId: 'v1',
        tutorId: 't1',
        topics: ['채널 개설'],
        taught: '검색용 아이디 정하기',
        hard: '',
        nextStep: '프로필 사진 찍기',
        followUpDate: followUp,
        writtenAt: new Date().toISOString(),
        conflictOf: null,
        deleted: false,
      },
    });
    const { user } = renderApp('/stalls/s1/visit/v1');

    expect(await screen.findByRole('heading', { level: 1, name: '행복청과 · 방문 중' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: '이번에 할 단계' })).toBeInTheDocument();
    const noteRegion = screen.getByRole('region', { name: '상담 노트' });
    expect(await within(noteRegion).findByDisplayValue('검색용 아이디 정하기')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '방문 완료' }));
    await waitFor(async () => expect((await db.visits.get('v1'))?.status).toBe('done'));
    expect(await screen.findByText(/이 방문은 완료되었습니다/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '다음 방문 예약' }));
    const form = await screen.findByRole('form', { name: '방문 예약' });
    expect(within(form).getByLabelText('날짜')).toHaveValue(followUp);
    expect(within(form).getByLabelText('시간 (상인이 고른 시간)')).toHaveValue('10:00');
    expect(within(form).getByLabelText('방문 목적')).toHaveValue('프로필 사진 찍기');
    await user.click(within(form).getByRole('button', { name: '예약 저장' }));
    await waitFor(async () => expect(await db.visits.count()).toBe(2));
    const next = (await db.visits.toArray()).find((v) => v.id !== 'v1');
    expect(next).toMatchObject({ stallId: 's1', tutorId: 't1', status: 'scheduled' });
    expect(dayKey(next!.scheduledAt)).toBe(followUp);
  });

  it('says so when the visit does not exist', async () => {
    await freshDb();
    renderApp('/stalls/s1/visit/nope');
    expect(await screen.findByRole('alert')).toHaveTextContent('방문을 찾을 수 없습니다.');
  });
});
