// A lead sets the market's schedule (상설 or 5일장 and its market days) on the tutors screen, through the
// write path; bad input says what is wrong and changes nothing; a tutor does not see the form.
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { freshDb, renderApp } from '../support/render-app';
import type { DangolDb } from '../../src/app/db/database';
import { markSignedIn } from '../../src/app/db/repos/tablet-lock';
import { setMarketSchedule } from '../../src/app/db/repos/tutor-admin';
import { ValidationError } from '../../src/app/db/errors';
import { freshMarketWithLeadAndTutor, seedMarket, seedTutor } from './seed';

let db: DangolDb;
beforeEach(async () => {
  db = await freshMarketWithLeadAndTutor();
});

describe("the market's schedule", () => {
  it('lets a lead make the market a 2·7 5일장, refusing a 5일장 without market days', async () => {
    await markSignedIn(db, 'lead1');
    const { user } = renderApp('/tutors');
    const kind = await screen.findByLabelText('시장 종류');
    expect(kind).toHaveValue('상설');
    expect(screen.queryByLabelText('장날 (날짜 끝자리)')).not.toBeInTheDocument();
    const outboxBefore = await db.outbox.count();

    await user.selectOptions(kind, '5일장');
    await user.click(screen.getByRole('button', { name: '장날 저장' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('5일장은 장날을 골라 주세요');
    expect(screen.getByLabelText('장날 (날짜 끝자리)')).toHaveAttribute('aria-invalid', 'true');
    expect(await db.markets.get('m-test')).toMatchObject({ schedule: '상설' });
    expect(await db.outbox.count()).toBe(outboxBefore);

    await user.selectOptions(screen.getByLabelText('장날 (날짜 끝자리)'), '2·7일 (2, 7, 12, 17, 22, 27일)');
    await user.click(screen.getByRole('button', { name: '장날 저장' }));
    expect(await screen.findByText('장 서는 날을 저장했습니다.')).toBeInTheDocument();
    expect(await db.markets.get('m-test')).toMatchObject({ schedule: '5일장', marketDays: '2·7' });
    const change = (await db.outbox.toArray()).at(-1)?.change;
    expect(change).toMatchObject({
      entity: 'market',
      tutorId: 'lead1',
      fields: { schedule: '5일장', marketDays: '2·7' },
    });

    // Back to a daily market: the market days go with it.
    await user.selectOptions(screen.getByLabelText('시장 종류'), '상설');
    await user.click(screen.getByRole('button', { name: '장날 저장' }));
    await waitFor(async () =>
      expect(await db.markets.get('m-test')).toMatchObject({ schedule: '상설', marketDays: '' }),
    );
  });

  it('shows in English too', async () => {
    db = await freshDb({ marketId: 'm-test', language: 'en' });
    await seedMarket(db);
    await seedTutor(db, 'lead1', 'Kim', { role: 'lead', pin: '9999' });
    await markSignedIn(db, 'lead1');
    const { user } = renderApp('/tutors');
    await user.selectOptions(await screen.findByLabelText('Kind of market'), '5일장');
    await user.selectOptions(screen.getByLabelText('Market days (last digit of the date)'), '1·6');
    expect(screen.getByRole('option', { name: '1·6 (dates 1, 6, 11, 16, 21, 26, 31)' })).toHaveProperty(
      'selected',
      true,
    );
    await user.click(screen.getByRole('button', { name: 'Save market days' }));
    expect(await screen.findByText('Market days saved.')).toBeInTheDocument();
    expect(await db.markets.get('m-test')).toMatchObject({ marketDays: '1·6' });
  });

  it('is not shown to a tutor, and the write path refuses a tutor and bad values', async () => {
    await markSignedIn(db, 'tu1');
    renderApp('/tutors');
    expect(await screen.findByRole('heading', { name: '내 PIN 바꾸기' })).toBeInTheDocument();
    expect(screen.queryByLabelText('시장 종류')).not.toBeInTheDocument();

    await expect(setMarketSchedule(db, 'tu1', '5일장', '2·7')).rejects.toThrow();
    await expect(setMarketSchedule(db, 'lead1', '7일장', '')).rejects.toBeInstanceOf(ValidationError);
    await expect(setMarketSchedule(db, 'lead1', '5일장', '2-7')).rejects.toBeInstanceOf(ValidationError);
    expect(await db.markets.get('m-test')).toMatchObject({ schedule: '상설' });
    expect((await db.markets.get('m-test'))?.marketDays).toBeUndefined();
  });
});
