// The sync status a tutor sees, by role and label: the top-bar pill, the /sync screen, enrollment (with the
// demo warning and clear errors), the revoked message, needs attention and conflicts to review.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, renderApp } from '../../../../tests/support/render-app';
import type { DangolDb } from '../../db/database';
import { setMeta } from '../../db/meta';
import { mutate } from '../../db/mutate';
import { createSyncEngine, setSyncEngine, type SyncEngine } from '../../sync/index';
import { bodyText } from '../../../../tests/support/request-body';
import { formatHlc } from '../../../domain';
import { blankStall } from '../../../domain';

type Handler = (path: string, body: unknown) => { status: number; body: unknown };
let handler: Handler;
let db: DangolDb;
let engine: SyncEngine;

const fakeFetch: typeof fetch = async (input, init) => {
  const url = new URL(String(input), 'http://app.test');
  const text = bodyText(init?.body);
  const { status, body } = handler(url.pathname, text ? JSON.parse(text) : undefined);
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
};

const emptyPull = { status: 200, body: { records: [], cursor: 0, hasMore: false } };

async function enrolled() {
  await setMeta(db, 'enrolled', true);
  await setMeta(db, 'token', 'tok-0123456789abcdefghij');
  await setMeta(db, 'serverUrl', 'http://server.test');
}

const stall = (name: string) => blankStall({ name, category: '수산' });

// /sync is a lazy route (bench 4a): its first import under vitest transforms the whole sync-status feature,
// which on a busy machine took longer than a findBy* wait (the revoked-tablet test flaked). Import it once
// here, so every render below resolves the route at once, as the app does after its idle prefetch.
beforeAll(async () => {
  await import('../../routes/sync-route');
});

beforeEach(async () => {
  db = await freshDb({ marketId: 'm1' });
  handler = (path) => (path === '/api/sync/pull' ? emptyPull : { status: 404, body: {} });
  engine = createSyncEngine({
    db,
    fetch: fakeFetch,
    locks: null,
    online: { isOnline: () => true, subscribe: () => () => {} },
    timers: { set: () => 0, clear: () => {} },
  });
  setSyncEngine(engine);
});

describe('sync status pill', () => {
  it('says the tablet is not enrolled, counts waiting changes, and opens /sync', async () => {
    await mutate(db, { entity: 'stall', id: 's1', fields: stall('바다수산') });
    const { user } = renderApp('/today');
    const pill = await screen.findByRole('link', { name: /동기화 상태: 등록 전, 대기 1건/ });
    expect(within(pill).getByText('대기 1건')).toBeInTheDocument();
    await user.click(pill);
    expect(await screen.findByRole('heading', { level: 1, name: '동기화' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '태블릿 등록' })).toBeInTheDocument();
  });

  it('shows online with the last sync time after a sync', async () => {
    await enrolled();
    await engine.syncNow();
    renderApp('/today');
    expect(await screen.findByRole('link', { name: /동기화 상태: 연결됨, 마지막 (오전|오후)/ })).toBeInTheDocument();
  });
});

describe('/sync screen', () => {
  it('enrolls the tablet with a code and says so', async () => {
    handler = (path, body) => {
      if (path === '/api/enroll') {
        expect(body).toEqual({ code: 'ABCD-2345', deviceName: '1번 태블릿' });
        return {
          status: 200,
          body: { deviceId: 'dev1', token: 'tok-abcdefghijklmnopqrstuvwxyz', marketId: 'm1', marketName: '망원시장' },
        };
      }
      return emptyPull;
    };
    const { user } = renderApp('/sync');
    await user.type(await screen.findByLabelText('등록 코드'), 'ABCD-2345');
    await user.type(screen.getByLabelText('태블릿 이름'), '1번 태블릿');
    await user.type(screen.getByLabelText('서버 주소 (선택)'), 'https://server.test');
    await user.click(screen.getByRole('button', { name: '등록하기' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: '연결됨' })).toBeInTheDocument());
    expect(screen.getByText(/서버와 연결되어 있습니다/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '태블릿 등록' })).not.toBeInTheDocument();
  });

  it('explains a wrong code in plain words and stays unenrolled', async () => {
    handler = () => ({
      status: 401,
      body: {
        error: {
          code: 'code_unknown',
          message: 'bad',
          messageKo: '등록 코드가 맞지 않습니다. 확인하고 다시 입력하세요',
        },
      },
    });
    const { user } = renderApp('/sync');
    await user.type(await screen.findByLabelText('등록 코드'), 'WRONG-1');
    await user.type(screen.getByLabelText('태블릿 이름'), '태블릿');
    await user.click(screen.getByRole('button', { name: '등록하기' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('등록 코드가 맞지 않거나 만료되었습니다');
    expect(engine.getStatus().mode).toBe('unenrolled');
  });

  it('warns that demo data will be deleted and asks to agree first', async () => {
    await setMeta(db, 'demo', true);
    await mutate(db, { entity: 'stall', id: 'demo1', fields: stall('체험가게') });
    const { user } = renderApp('/sync');
    expect(
      await screen.findByText(/체험 중 쓴 내용\(1건\)은 모두 지워지고 서버로 보내지지 않습니다/),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText('등록 코드'), 'ABCD-2345');
    await user.type(screen.getByLabelText('태블릿 이름'), '태블릿');
    await user.click(screen.getByRole('button', { name: '등록하기' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('체험 자료를 지우는 데 동의해 주세요.');
    expect(screen.getByRole('checkbox', { name: '체험 자료를 지우고 등록하는 데 동의합니다' })).not.toBeChecked();
  });

  it('tells a revoked tablet in plain words', async () => {
    await enrolled();
    handler = () => ({ status: 401, body: { error: { code: 'device_revoked', message: 'revoked' } } });
    const { user } = renderApp('/sync');
    await user.click(await screen.findByRole('button', { name: '지금 동기화' }));
    expect(await screen.findByText(/이 태블릿은 등록이 해제되었습니다/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '태블릿 등록' })).toBeInTheDocument();
  });

  it('lists a rejected change with the reason, and undo rolls it back', async () => {
    await enrolled();
    await mutate(db, { entity: 'stall', id: 's1', fields: stall('원래이름') });
    await db.outbox.clear();
    await mutate(db, { entity: 'stall', id: 's1', fields: { name: '거절될이름' } });
    handler = (path, body) => {
      if (path !== '/api/sync/push') return emptyPull;
      const changes = (body as { changes: { changeId: string }[] }).changes;
      return {
        status: 200,
        body: {
          results: changes.map((c) => ({
            changeId: c.changeId,
            status: 'rejected',
            reason: 'No',
            reasonKo: '이 점포는 잠겨 있습니다',
            code: 'forbidden',
          })),
          serverSeq: 0,
        },
      };
    };
    await engine.syncNow();
    const { user } = renderApp('/sync');
    const item = await screen.findByRole('listitem', { name: '점포 기록 변경' });
    expect(within(item).getByText('이유: 이 점포는 잠겨 있습니다')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /확인 필요 1건/ })).toBeInTheDocument();
    await user.click(within(item).getByRole('button', { name: '내 변경 되돌리기' }));
    expect(await screen.findByText('확인이 필요한 변경이 없습니다.')).toBeInTheDocument();
    expect((await db.stalls.get('s1'))?.name).toBe('원래이름');
  });

  it('shows a note conflict side by side and keeps the chosen text', async () => {
    await setMeta(db, 'deviceId', 'dMine');
    const note = {
      stallId: 's1',
      visitId: null,
      tutorId: null,
      topics: [],
      hard: '',
      nextStep: '',
      followUpDate: null,
      writtenAt: new Date().toISOString(),
      deleted: false,
    };
    await mutate(db, { entity: 'note', id: 'n1', fields: { ...note, taught: '다른 튜터의 설명', conflictOf: null } });
    await db.notes.update('n1', { _clocks: { taught: formatHlc({ wall: 1, counter: 0 }, 'dOther') } });
    await mutate(db, { entity: 'note', id: 'n1~abc', fields: { ...note, taught: '내가 쓴 설명', conflictOf: 'n1' } });
    const { user } = renderApp('/sync');
    expect(await screen.findByRole('article', { name: '내 글 (이 태블릿)' })).toHaveTextContent('내가 쓴 설명');
    expect(screen.getByRole('article', { name: '다른 튜터의 글' })).toHaveTextContent('다른 튜터의 설명');
    expect(screen.getByRole('link', { name: /확인 필요 1건/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '내 글 남기기' }));
    expect(await screen.findByText('검토할 충돌이 없습니다.')).toBeInTheDocument();
    expect((await db.notes.get('n1'))?.taught).toBe('내가 쓴 설명');
    expect((await db.notes.get('n1~abc'))?.deleted).toBe(true);
  });
});
