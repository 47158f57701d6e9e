import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppLayout } from '../../src/app/layout/app-layout';
import { DangolDb, setDb } from '../../src/app/db/database';
import { setMeta } from '../../src/app/db/meta';
import { initI18n } from '../../src/app/i18n';
import { markSignedIn } from '../../src/app/db/repos/tablet-lock';
import { seedMarket, seedTutor } from './seed';

function NoteForm() {
  const [text, setText] = useState('');
  return (
    <form>
      <label htmlFor="taught">가르친 내용</label>
      <textarea id="taught" name="taught" value={text} onChange={(e) => setText(e.target.value)} />
    </form>
  );
}

/** Like the notes section: the editor opens from a button, so the draft must reopen it. */
function PopupEditor() {
  const [open, setOpen] = useState(0);
  return (
    <section>
      <button type="button" data-draft-reopen="note-new" onClick={() => setOpen((n) => n + 1)}>
        새 노트 쓰기
      </button>
      {open ? (
        <div data-draft-scope="note-new" key={open}>
          <label>
            다음 할 일
            <textarea name="nextStep" />
          </label>
        </div>
      ) : null}
    </section>
  );
}

let db: DangolDb;
beforeEach(async () => {
  db = new DangolDb(`t-${crypto.randomUUID()}`);
  setDb(db);
  await setMeta(db, 'marketId', 'm-test');
  await setMeta(db, 'language', 'ko');
  initI18n('ko');
  await seedMarket(db, 'm-test', 5);
  await seedTutor(db, 'tu-a', '김하나', { pin: '1111' });
  await seedTutor(db, 'tu-b', '이두리', { pin: '2222' });
  await markSignedIn(db, 'tu-a');
});
afterEach(() => {
  vi.useRealTimers();
});

function renderShell(path: string) {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: <AppLayout />,
        children: [
          { path: 'note', element: <NoteForm /> },
          { path: 'other', element: <p>다른 화면</p> },
          { path: 'popup', element: <PopupEditor /> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

async function signInAs(user: ReturnType<typeof userEvent.setup>, name: string, pin: string) {
  await user.click(await screen.findByRole('button', { name: new RegExp(name) }));
  await user.type(screen.getByLabelText(/PIN/), pin);
  await user.click(screen.getByRole('button', { name: '확인' }));
}

describe('auto-lock and drafts on the shared tablet', () => {
  it('locks after the idle time, keeps the draft for the same tutor only', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime.bind(vi) });
    const router = renderShell('/note');
    await user.type(await screen.findByLabelText('가르친 내용'), '쿠폰 만드는 법');
    expect(screen.getByText('김하나 님 사용 중')).toBeInTheDocument();

    // Four minutes idle: still open. Five: the lock screen covers the app and the text is gone from view.
    await act(async () => vi.advanceTimersByTime(4 * 60_000));
    expect(screen.getByLabelText('가르친 내용')).toBeInTheDocument();
    await act(async () => vi.advanceTimersByTime(60_000 + 10));
    expect(await screen.findByRole('heading', { name: '누가 쓰고 있나요?' })).toBeInTheDocument();
    expect(screen.queryByLabelText('가르친 내용')).not.toBeInTheDocument();
    expect(screen.queryByText(/쿠폰 만드는 법/)).not.toBeInTheDocument();

    // Another tutor unlocks with their PIN: the note screen is empty for them.
    await signInAs(user, '이두리', '2222');
    expect(await screen.findByText('이두리 님 사용 중')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/note');
    expect(screen.getByLabelText('가르친 내용')).toHaveValue('');
    await act(async () => router.navigate('/other'));

    // Switch back (one tap to lock, one on the name, then the PIN): the first tutor finds the text.
    await user.click(screen.getByRole('button', { name: '잠금·바꾸기' }));
    await signInAs(user, '김하나', '1111');
    await waitFor(() => expect(router.state.location.pathname).toBe('/note'));
    await waitFor(() => expect(screen.getByLabelText('가르친 내용')).toHaveValue('쿠폰 만드는 법'));
    expect(await screen.findByRole('status')).toHaveTextContent('되살렸습니다');
    expect(await db.drafts.count()).toBe(0);
  });

  it('reopens an editor that was open when the tablet locked, and types the draft back in', async () => {
    const user = userEvent.setup();
    renderShell('/popup');
    await user.click(await screen.findByRole('button', { name: '새 노트 쓰기' }));
    await user.type(screen.getByLabelText('다음 할 일'), '쿠폰 만들기');
    await user.click(screen.getByRole('button', { name: '잠금·바꾸기' }));
    expect(await screen.findByRole('heading', { name: '누가 쓰고 있나요?' })).toBeInTheDocument();
    expect(screen.queryByLabelText('다음 할 일')).not.toBeInTheDocument();
    await signInAs(user, '김하나', '1111');
    await waitFor(() => expect(screen.getByLabelText('다음 할 일')).toHaveValue('쿠폰 만들기'));
  });

  it('locks when the app comes back after a while in the background', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    renderShell('/other');
    expect(await screen.findByText('다른 화면')).toBeInTheDocument();
    const setVisibility = (v: 'hidden' | 'visible') => {
      Object.defineProperty(document, 'visibilityState', { value: v, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    setVisibility('hidden');
    await act(async () => vi.advanceTimersByTime(10_000));
    setVisibility('visible');
    expect(screen.getByText('다른 화면')).toBeInTheDocument();
    setVisibility('hidden');
    await act(async () => vi.advanceTimersByTime(2 * 60_000));
    setVisibility('visible');
    expect(await screen.findByRole('heading', { name: '누가 쓰고 있나요?' })).toBeInTheDocument();
  });

  it('shows a wrong PIN in words and does not unlock', async () => {
    const user = userEvent.setup();
    renderShell('/other');
    await user.click(await screen.findByRole('button', { name: '잠금·바꾸기' }));
    await signInAs(user, '이두리', '9999');
    expect(await screen.findByText(/PIN이 틀렸습니다/)).toBeInTheDocument();
    expect(screen.queryByText('다른 화면')).not.toBeInTheDocument();
  });
});
