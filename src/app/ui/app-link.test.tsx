import { memo } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, Outlet, RouterProvider, useLocation } from 'react-router';
import { AppLink, LinkNavigation, useLinkNavigate } from './app-link';

function Where() {
  const { pathname, search } = useLocation();
  return <p data-testid="where">{pathname + search}</p>;
}

/** Every navigate function the links below were handed, one entry per render that read it. */
let handed: unknown[] = [];

function ReadsNavigate() {
  handed.push(useLinkNavigate());
  return null;
}

// Memoized like the app's panels: it re-renders only if something it reads changes.
const Links = memo(function Links() {
  return (
    <nav>
      <ReadsNavigate />
      <AppLink to="/stalls/a">가게 A</AppLink>
      <AppLink to="/stalls/b?edit=1" className="btn">
        가게 B 수정
      </AppLink>
    </nav>
  );
});

function setup() {
  handed = [];
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: (
          <LinkNavigation>
            <Links />
            <Where />
            <Outlet />
          </LinkNavigation>
        ),
        children: [{ path: 'stalls/:id?', element: null }],
      },
    ],
    { initialEntries: ['/stalls'] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

describe('AppLink', () => {
  it('is a plain link to its path, and a tap on it navigates in the app', async () => {
    const router = setup();
    const user = userEvent.setup();
    const b = screen.getByRole('link', { name: '가게 B 수정' });
    expect(b).toHaveAttribute('href', '/stalls/b?edit=1');
    expect(b).toHaveClass('btn');
    await user.click(b);
    expect(screen.getByTestId('where')).toHaveTextContent('/stalls/b?edit=1');
    expect(router.state.historyAction).toBe('PUSH');
  });

  it('replaces the history entry when it links to where the app already is, as the router link does', async () => {
    const router = setup();
    const user = userEvent.setup();
    await user.click(screen.getByRole('link', { name: '가게 A' }));
    expect(router.state.historyAction).toBe('PUSH');
    await user.click(screen.getByRole('link', { name: '가게 A' }));
    expect(screen.getByTestId('where')).toHaveTextContent('/stalls/a');
    expect(router.state.historyAction).toBe('REPLACE');
  });

  it('leaves a tap with a modifier key (new tab, new window) or another button to the browser', () => {
    setup();
    const a = screen.getByRole('link', { name: '가게 A' });
    // Runs after the app's handler (React listens on its root, below the document): notes whether the app took the
    // tap, then stops the test browser from following the link itself.
    const taken: boolean[] = [];
    const note = (e: Event) => {
      taken.push(e.defaultPrevented);
      e.preventDefault();
    };
    document.addEventListener('click', note);
    for (const init of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { altKey: true }, { button: 1 }]) {
      fireEvent(a, new MouseEvent('click', { bubbles: true, cancelable: true, ...init }));
    }
    fireEvent(a, new MouseEvent('click', { bubbles: true, cancelable: true }));
    document.removeEventListener('click', note);
    expect(taken).toEqual([false, false, false, false, false, true]);
  });

  it('hands the links one navigate function that stays the same across navigations, so none re-renders', async () => {
    const router = setup();
    expect(handed).toHaveLength(1);
    await act(() => router.navigate('/stalls/a'));
    await act(() => router.navigate('/stalls/b?edit=1'));
    expect(screen.getByTestId('where')).toHaveTextContent('/stalls/b?edit=1');
    expect(handed).toHaveLength(1);
  });

  it('needs a LinkNavigation above it', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const router = createMemoryRouter([{ path: '/', element: <AppLink to="/x">x</AppLink> }]);
    render(<RouterProvider router={router} />);
    // The router's error screen shows what went wrong, instead of a link that would do nothing.
    expect(screen.getByRole('heading', { name: 'AppLink needs a LinkNavigation above it' })).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    quiet.mockRestore();
  });
});
