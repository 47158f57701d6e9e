import { describe, expect, it } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import { stepId } from '../../../domain';
import { freshDb, renderApp } from '../../../../tests/support/render-app';
import type { DangolDb } from '../../db/database';
import { mutate } from '../../db/mutate';
import { createStall, emptyStall } from '../../db/repos/stalls';

// The whole suite runs in parallel on small machines: give live queries time to settle.
configure({ asyncUtilTimeout: 5000 });

async function seedTutor(db: DangolDb, id: string, name: string) {
  await mutate(db, {
    entity: 'tutor',
    id,
    tutorId: null,
    fields: {
      name,
      role: 'tutor',
      active: true,
      pinHash: null,
      pinSalt: null,
      pinIterations: 0,
      locked: false,
      deleted: false,
    },
  });
}

const step = (name: RegExp) => screen.getByRole('listitem', { name });

describe('Checklist on stall detail', () => {
  it('ticks a step and blocks another with a reason; step and history event are written together', async () => {
    const db = await freshDb({ tutorId: 't1' });
    await seedTutor(db, 't1', '김하늘');
    const stallId = await createStall(db, { ...emptyStall(), name: '행복청과' }, 't1');
    const outboxBefore = await db.outbox.count();
    const { user } = renderApp(`/stalls/${stallId}`);

    expect(await screen.findByText('0/15 완료')).toBeInTheDocument();
    // Steps never touched show as to do.
    const first = await waitFor(() => step(/^1\. 참여 신청/));
    expect(within(first).getByRole('button', { name: '할 일' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(first).getByRole('button', { name: '완료' }));
    await waitFor(() =>
      expect(within(step(/^1\. /)).getByRole('button', { name: '완료' })).toHaveAttribute('aria-pressed', 'true'),
    );
    expect(screen.getByText('1/15 완료')).toBeInTheDocument();
    // Stamped with the signed-in tutor even when the tap lands before the screen's live session has loaded.
    await waitFor(() => expect(within(step(/^1\. /)).getByText(/^김하늘 · /)).toBeInTheDocument());

    // Blocking asks why; an empty reason is refused and nothing is written.
    await user.click(within(step(/^2\. 준비물/)).getByRole('button', { name: '막힘' }));
    await user.click(within(step(/^2\. /)).getByRole('button', { name: '막힘으로 저장' }));
    expect(await within(step(/^2\. /)).findByText('막힌 이유를 적어 주세요.')).toBeInTheDocument();
    expect(await db.steps.get(stepId(stallId, 2))).toBeUndefined();
    await user.click(within(step(/^2\. /)).getByRole('button', { name: '사업자등록증 없음' }));
    expect(within(step(/^2\. /)).getByLabelText('막힌 이유')).toHaveValue('사업자등록증 없음');
    await user.click(within(step(/^2\. /)).getByRole('button', { name: '막힘으로 저장' }));
    expect(await within(step(/^2\. /)).findByText('막힌 이유: 사업자등록증 없음')).toBeInTheDocument();
    expect(screen.getByText('막힌 단계 1개')).toBeInTheDocument();

    // History of step 2: who, when, status and reason.
    await user.click(within(step(/^2\. /)).getByRole('button', { name: '기록 보기' }));
    const history = await within(step(/^2\. /)).findByRole('list', { name: '2단계 기록' });
    expect(within(history).getByRole('listitem')).toHaveTextContent(/막힘 \(사업자등록증 없음\) — 김하늘 · /);

    // Records: one step each, one history event each, and both in the outbox.
    expect(await db.steps.get(stepId(stallId, 2))).toMatchObject({
      status: 'blocked',
      reason: '사업자등록증 없음',
      doneBy: 't1',
    });
    const events = await db.stepEvents.where('stallId').equals(stallId).toArray();
    expect(events.map((e) => [e.no, e.status, e.tutorId]).sort()).toEqual([
      [1, 'done', 't1'],
      [2, 'blocked', 't1'],
    ]);
    const queued = (await db.outbox.orderBy('seq').toArray()).slice(outboxBefore).map((o) => o.entity);
    expect(queued).toEqual(['step', 'stepEvent', 'step', 'stepEvent']);

    // Not applicable counts towards progress too.
    await user.click(within(step(/^7\. /)).getByRole('button', { name: '해당 없음' }));
    expect(await screen.findByText('2/15 완료')).toBeInTheDocument();
  });
});
