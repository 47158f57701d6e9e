import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { freshDb, renderApp } from '../support/render-app';
import type { DangolDb } from '../../src/app/db/database';
import { mutate } from '../../src/app/db/mutate';
import { savePersonalFields } from '../../src/app/db/repos/consents';
import { markSignedIn } from '../../src/app/db/repos/tablet-lock';
import { consentAndSavePersonal, seedMarket, seedTutor } from './seed';
import { blankStall } from '../../src/domain';

let db: DangolDb;
beforeEach(async () => {
  db = await freshDb({ marketId: 'm-test' });
  await seedMarket(db);
  await seedTutor(db, 'tu1', '박튜터');
  await markSignedIn(db, 'tu1');
  await mutate(db, {
    entity: 'stall',
    id: 'st1',
    tutorId: null,
    fields: blankStall({ name: '해뜰청과', category: '청과·채소' }),
  });
});

describe('retention', () => {
  it('purges personal fields whose consent expired when the app starts', async () => {
    await consentAndSavePersonal(db, 'st1', { merchantName: '김순자', merchantPhone: '010-1234-5678' }, 'tu1');
    const consent = (await db.consents.toArray())[0]!;
    await mutate(db, { entity: 'consent', id: consent.id, fields: { retentionUntil: '2020-01-01' } });
    renderApp('/today');
    await waitFor(async () => expect((await db.stalls.get('st1'))?.merchantName).toBe(''));
    expect(await db.stalls.get('st1')).toMatchObject({ merchantPhone: '', name: '해뜰청과' });
  });
});

describe('consent screen', () => {
  it('a merchant reads the form (Korean, English on a tap); consent is recorded, then withdrawn', async () => {
    const { user } = renderApp('/consent/st1');
    expect(await screen.findByText(/개인정보 동의가 없습니다/)).toBeInTheDocument();
    await expect(savePersonalFields(db, 'st1', { merchantName: '김순자' }, 'tu1')).rejects.toThrow();

    await user.click(screen.getByRole('button', { name: '동의서 보기' }));
    expect(screen.getByRole('heading', { name: '개인정보 수집·이용 동의서' })).toBeInTheDocument();
    expect(screen.getByText('양식 1판')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { name: 'Consent to collect and use personal data' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '한국어' }));

    // Nothing is pre-ticked: agreeing without explaining the right to refuse or answering is refused.
    await user.click(screen.getByRole('button', { name: '동의합니다 (기록)' }));
    expect(screen.getByRole('alert')).toHaveTextContent('거부할 권리');
    await user.click(screen.getByLabelText('거부할 권리를 상인께 설명했습니다'));
    await user.click(screen.getByRole('button', { name: '동의합니다 (기록)' }));
    expect(screen.getByRole('alert')).toHaveTextContent('모든 질문');
    for (const [q, a] of [
      ['사업 협력기관', '예'],
      ['가게 사진', '아니요'],
      ['연락드려도', '예'],
    ] as const) {
      const group = screen.getByRole('group', { name: new RegExp(q) });
      await user.click(within(group).getByLabelText(a));
    }
    await user.click(screen.getByRole('button', { name: '동의합니다 (기록)' }));
    expect(await screen.findByText('동의를 기록했습니다.')).toBeInTheDocument();
    expect(screen.getByText(/박튜터 님이 받음/)).toBeInTheDocument();
    const consent = (await db.consents.toArray())[0];
    expect(consent).toMatchObject({ sharePartners: true, photoUse: false, contactAfter: true, tutorId: 'tu1' });

    await savePersonalFields(db, 'st1', { merchantName: '김순자', merchantPhone: '010-1234-5678' }, 'tu1');
    await user.click(screen.getByRole('button', { name: '동의 철회' }));
    await user.click(screen.getByRole('button', { name: '네, 철회합니다' }));
    expect(await screen.findByText('동의를 철회하고 개인정보를 지웠습니다.')).toBeInTheDocument();
    await waitFor(async () => expect((await db.stalls.get('st1'))?.merchantName).toBe(''));
    expect((await db.stalls.get('st1'))?.merchantPhone).toBe('');
  });
});
