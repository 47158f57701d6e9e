// The app's one live session read: a screen mounted later gets the current session in its first render, changes
// reach every screen, and the same session read again re-renders nothing.
import { act, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DangolDb, setDb } from './database';
import { setMeta } from './meta';
import { useSession } from './session';

let db: DangolDb;
beforeEach(async () => {
  db = new DangolDb(`t-${crypto.randomUUID()}`);
  setDb(db);
  await setMeta(db, 'marketId', 'm1');
  await setMeta(db, 'tutorId', 't1');
});

/** Shows the session's tutor and counts its renders (what a screen would pay for). */
function Who({ label, renders }: { label: string; renders: string[] }) {
  const session = useSession();
  renders.push(`${label}:${session === undefined ? 'loading' : (session.tutorId ?? 'none')}`);
  return <p aria-label={label}>{session === undefined ? 'loading' : (session.tutorId ?? 'none')}</p>;
}

function App({ renders }: { renders: string[] }) {
  const [second, setSecond] = useState(false);
  return (
    <>
      <Who label="layout" renders={renders} />
      <button onClick={() => setSecond(true)}>open</button>
      {second ? <Who label="screen" renders={renders} /> : null}
    </>
  );
}

describe('useSession', () => {
  it('gives a screen mounted later the current session in its first render, and renders it once', async () => {
    const renders: string[] = [];
    render(<App renders={renders} />);
    await waitFor(() => expect(screen.getByLabelText('layout')).toHaveTextContent('t1'));
    act(() => screen.getByRole('button', { name: 'open' }).click());
    expect(screen.getByLabelText('screen')).toHaveTextContent('t1');
    // Give a query of its own time to answer: no second render of the screen may follow.
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(renders.filter((r) => r.startsWith('screen'))).toEqual(['screen:t1']);
  });

  it('brings a change of tutor to every screen that shows the session', async () => {
    const renders: string[] = [];
    render(<App renders={renders} />);
    await waitFor(() => expect(screen.getByLabelText('layout')).toHaveTextContent('t1'));
    act(() => screen.getByRole('button', { name: 'open' }).click());
    await act(() => setMeta(db, 'tutorId', 't2'));
    await waitFor(() => expect(screen.getByLabelText('screen')).toHaveTextContent('t2'));
    expect(screen.getByLabelText('layout')).toHaveTextContent('t2');
  });

  it('does not re-render when the session is written again unchanged', async () => {
    const renders: string[] = [];
    render(<App renders={renders} />);
    await waitFor(() => expect(screen.getByLabelText('layout')).toHaveTextContent('t1'));
    const before = renders.length;
    await act(() => setMeta(db, 'tutorId', 't1'));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(renders.length).toBe(before);
  });

  it('reads afresh after nobody watched: a change made meanwhile is shown, not the kept value', async () => {
    const renders: string[] = [];
    const first = render(<App renders={renders} />);
    await waitFor(() => expect(screen.getByLabelText('layout')).toHaveTextContent('t1'));
    first.unmount();
    await act(() => new Promise((r) => setTimeout(r, 10)));
    await setMeta(db, 'tutorId', 't3');
    render(<App renders={renders} />);
    await waitFor(() => expect(screen.getByLabelText('layout')).toHaveTextContent('t3'));
    expect(renders.filter((r) => r === 'layout:t1').length).toBe(1);
  });
});
