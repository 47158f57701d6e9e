// One tap on a link, off-page, through a router of two small screens, once the start screen is idle. The first tap
// of a session runs code that nothing before it has run — React's click handling (its event system, the synthetic
// event), React Router's navigation, React's update path for a route change (context changes, a screen's deletion
// and its effects' cleanup) — which the JavaScript engine compiles then: ≈ 60 functions compiled inside the first
// 점포 tab tap after a cold start (V8 --log-function-events, bench 4b). The new screen also renders a deferred part,
// as a stall's detail does: React's commit of a background (transition) render was compiled in the first stall
// opening (bench 4c).
import { memo, useDeferredValue, useEffect, type MouseEvent } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { createMemoryRouter, Outlet, RouterProvider, useLocation, useNavigate } from 'react-router';
import { nextTask } from '../ui/when-idle';

type Shown = (path: string) => void;

/**
 * Renders an off-page router in its root in this task, and gives it `flushSync` for navigations that ask for it, as
 * the app's `RouterProvider` from react-router/dom does (that one is not used here: under vitest it resolves to
 * another copy of React Router than the hooks'). For the warm-ups after start (this one and the 점포 screen's).
 */
export function renderRouterNow(root: Root, router: ReturnType<typeof createMemoryRouter>): void {
  flushSync(() => root.render(<RouterProvider router={router} flushSync={(fn) => void flushSync(fn)} />));
}

/** How a screen's deferred part shows in the paths shown. */
const REST = '(rest)';
/** The longest the warm-up waits for the second screen's deferred part before it unmounts anyway. */
const REST_WAIT_MS = 2000;

/** Reads the location without its parent re-rendering (as the tab bar does): React finds it by the context change. */
const Here = memo(function Here() {
  return <span>{useLocation().pathname}</span>;
});

/** The layout: stays mounted across the navigation, as the app's shell does. */
function Layout() {
  return (
    <>
      <Here />
      <Outlet />
    </>
  );
}

/**
 * A screen with a link to the other one, which it follows as the tab bar does (`flushSync`), and a part rendered
 * right after its first commit in a background render (`useDeferredValue`, as the stall detail's lower part).
 */
function Page({ to, onShown, onGo }: { to: string; onShown: Shown; onGo: (done: Promise<void>) => void }) {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const rest = useDeferredValue(true, false);
  useEffect(() => {
    onShown(rest ? `${pathname} ${REST}` : pathname);
    return () => undefined; // a cleanup to run at the deletion, as the screens' live queries have
  }, [onShown, pathname, rest]);
  const tap = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    onGo(Promise.resolve(navigate(to, { flushSync: true })));
  };
  return (
    <a href={to} onClick={tap}>
      {pathname}
      {rest ? <span>{REST}</span> : null}
    </a>
  );
}

/**
 * Renders the router in a detached root (given `flushSync`, as the app's `RouterProvider` from react-router/dom
 * is), clicks its link in the next task (the event goes through React's own listener on that root, never the
 * page's: the element is not in the document), waits for the navigation and the new screen's deferred part, and
 * unmounts it. Nothing reaches the page or the app's history. Resolves with the paths shown. Two tasks, not one of
 * ≈ 100 ms at CPU 4x (CDP trace): a tutor's own tap right after start waits for one of them only, and once the tutor
 * has tapped (`tapped`) the click is left out — their tap has run that code.
 */
export async function warmNavigation(tapped: () => boolean = () => false): Promise<string[]> {
  const shown: string[] = [];
  let restShown = () => {};
  const rested = new Promise<void>((resolve) => {
    restShown = resolve;
    setTimeout(resolve, REST_WAIT_MS);
  });
  const onShown: Shown = (path) => {
    shown.push(path);
    if (path === `/w/b ${REST}`) restShown();
  };
  let navigated: Promise<void> | undefined;
  const onGo = (done: Promise<void>) => void (navigated = done);
  const router = createMemoryRouter(
    [
      {
        path: '/w',
        element: <Layout />,
        children: [
          // Keyed: the navigation deletes the first screen and mounts the second, as a tab tap does.
          { path: 'a', element: <Page key="a" to="/w/b" onShown={onShown} onGo={onGo} /> },
          { path: 'b', element: <Page key="b" to="/w/a" onShown={onShown} onGo={onGo} /> },
        ],
      },
    ],
    { initialEntries: ['/w/a'] },
  );
  const box = document.createElement('div');
  const root = createRoot(box);
  try {
    renderRouterNow(root, router);
    await nextTask();
    if (tapped()) return shown;
    box.querySelector('a')?.click();
    await navigated;
    await rested;
  } finally {
    root.unmount();
    router.dispose();
  }
  return shown;
}
