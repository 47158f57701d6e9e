// The visit screen lists the notes written during this visit (author, time, text) once saved, and only those.
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { addHours, startOfDay } from 'date-fns';
import { freshDb, renderApp } from '../../../../tests/support/render-app';
import { mutate } from '../../db/mutate';
import { seedStall, seedTutor, seedVisit } from '../../db/repos/visits-test-seed';

describe('Notes of this visit', () => {
  it('shows a saved note under the editor with its author, and not notes of other visits', async () => {
    const db = await freshDb({ tutorId: 't1' });
    await seedTutor(db, 't1', '김하늘');
    await seedStall(db, 's1', '행복청과');
    const day = startOfDay(new Date());
    await seedVisit(db, 'v1', 's1', addHours(day, 10), { tutorId: 't1' });
    await seedVisit(db, 'v0', 's1', addHours(day, -24), { tutorId: 't1', status: 'done' });
    await mutate(db, {
      entity: 'note',
      id: 'n-old',
      tutorId: 't1',
      fields: {
        stallId: 's1',
        visitId: 'v0',
        tutorId: 't1',
        topics: [],
        taught: '지난번 방문 내용',
        hard: '',
        nextStep: '',
        followUpDate: null,
        writtenAt: addHours(day, -23).toISOString(),
        conflictOf: null,
        deleted: false,
      },
    });
    const { user } = renderApp('/stalls/s1/visit/v1');

    const list = await screen.findByRole('region', { name: '이번 방문에 쓴 노트 (0)' });
    expect(within(list).getByText('아직 이번 방문에 쓴 노트가 없습니다.')).toBeInTheDocument();

    await user.type(await screen.findByLabelText('가르친 내용'), '검색용 아이디 정하기');
    await user.type(screen.getByLabelText('다음 할 일'), '프로필 사진 찍기');
    await user.click(screen.getByRole('button', { name: '노트 저장' }));
    expect(await screen.findByText('노트를 저장했습니다.')).toBeInTheDocument();

    const saved = await screen.findByRole('region', { name: '이번 방문에 쓴 노트 (1)' }, { timeout: 3000 });
    const items = within(saved).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(within(items[0]!).getByText('튜터: 김하늘')).toBeInTheDocument();
    expect(within(items[0]!).getByText('검색용 아이디 정하기')).toBeInTheDocument();
    expect(within(items[0]!).getByText('프로필 사진 찍기')).toBeInTheDocument();
    expect(screen.queryByText('지난번 방문 내용')).toBeNull();
  });
});
