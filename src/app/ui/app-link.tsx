// In-app links that do not re-render on every navigation. The router's <Link> reads the current location (to know
// whether a tap replaces or pushes), so every <Link> on screen re-rendered on each navigation — the top bar's, the
// 점포 header's, and each mounted one did its hooks and URL work again: with the tab bar's <NavLink>s, ≈ 16 ms of
// React Router per stall opening in a CPU profile at CPU 4x (bench 4c). An <AppLink> is a plain <a href> whose
// plain tap navigates through one function handed down from the layout (`LinkNavigation`), which stays the same
// across navigations; other taps (new tab, modifier keys, middle button) keep the browser's own behaviour.
import {
  createContext,
  useCallback,
  useContext,
  useLayoutEffect,
  useRef,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { useLocation, useNavigate } from 'react-router';

/** `flushSync`: render the new screen in one go, inside this task (a stall row's tap, once the detail is read). */
type Go = (to: string, options?: { flushSync?: boolean }) => void;

const GoContext = createContext<Go | null>(null);

/** A tap the app handles itself: the main button, no modifier key, not already handled. */
export function isPlainTap(e: MouseEvent<HTMLAnchorElement>): boolean {
  return !(e.defaultPrevented || e.button !== 0 || e.metaKey || e.altKey || e.ctrlKey || e.shiftKey);
}

/**
 * Hands the links below one navigate function for the router it is rendered in. It re-renders on navigations
 * itself (it reads the location), but its children and the function do not change, so no link does.
 */
export function LinkNavigation({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const { pathname, search, hash } = useLocation();
  const here = useRef('');
  useLayoutEffect(() => {
    here.current = pathname + search + hash;
  }, [pathname, search, hash]);
  // As the router's <Link>: a tap on a link to where the app already is replaces that entry, not pushes another.
  const go = useCallback<Go>(
    (to, options) => void navigate(to, { replace: here.current === to, flushSync: options?.flushSync }),
    [navigate],
  );
  return <GoContext.Provider value={go}>{children}</GoContext.Provider>;
}

type AppLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  /** An absolute path in the app, e.g. `/stalls/abc?edit=1`. */
  to: string;
};

/** The navigate function `LinkNavigation` hands down: the same one across navigations. */
export function useLinkNavigate(): Go {
  const go = useContext(GoContext);
  if (!go) throw new Error('AppLink needs a LinkNavigation above it');
  return go;
}

/** A link to a screen of the app; put `LinkNavigation` above it. */
export function AppLink({ to, onClick, ...rest }: AppLinkProps) {
  const go = useLinkNavigate();
  const tap = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (!isPlainTap(e) || (rest.target && rest.target !== '_self')) return;
    e.preventDefault();
    go(to);
  };
  return <a {...rest} href={to} onClick={tap} />;
}
