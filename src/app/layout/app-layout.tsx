// The shell around every screen: top bar (brand, demo badge, sync status), content, tab bar.
import { memo, useCallback, useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useTranslation } from '../i18n/use-translation';
import { useSession } from '../db/session';
import { setStartSnapshot } from '../db/start-snapshot';
import { PwaBanners } from '../pwa/pwa-banners';
import { SyncStatusPill } from '../features/sync-status/sync-status-pill';
import { LockGate } from '../features/tutors/lock-gate';
import { TutorChip } from '../features/tutors/tutor-chip';
import { RetentionPurge } from '../features/consent/use-retention-purge';
import { RevokedWipe } from '../features/device/revoked-wipe';
import { isPlainTap, LinkNavigation, useLinkNavigate } from '../ui/app-link';
import { whenIdle } from '../ui/when-idle';

const TABS = [
  { to: '/today', key: 'today' },
  { to: '/schedule', key: 'schedule' },
  { to: '/stalls', key: 'stalls' },
  { to: '/overview', key: 'overview' },
  { to: '/settings', key: 'settings' },
] as const;

/**
 * Mounts its children once the first screen has painted: service-worker registration can wait (bench 4a); then
 * when the browser is idle, as mounting at 1 s landed inside the first tab tap (bench 4b); and only once the tutor
 * has not tapped, typed or scrolled for a second (at the latest 15 s after start): mounted when idle, it landed
 * inside one of the first stall openings in 3 of 5 profiled cold starts (CDP profiles at CPU 4x, bench 4c: its
 * render, a localStorage read, the storage-persistence request and the worker's registration).
 */
function AfterFirstPaint({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => whenIdle(() => setReady(true), { after: 1000, quiet: 1000, timeout: 14_000 }), []);
  return ready ? children : null;
}

/**
 * The tab bar. A plain tap on a tab navigates with `flushSync`: the new screen renders in one task instead of in
 * 5 ms transition slices with other tasks and frames in between (bench 4b). Other taps (new tab, modifier keys)
 * keep the link's own behaviour. The option reaches the render only since the tab screens are no longer the
 * router's lazy routes (a lazy route's navigation committed later, without it). Its own component: it re-renders
 * on every navigation (it reads the location), which in the layout re-rendered the whole shell on each stall
 * opening (bench 4c). The tabs themselves are plain links, memoized on which one is active: a stall opening
 * re-renders none of them (five router <NavLink>s each did their hooks and URL work again, see app-link.tsx).
 */
function TabBar() {
  const go = useLinkNavigate();
  const { pathname } = useLocation();
  const tap = useCallback(
    (e: MouseEvent<HTMLAnchorElement>, to: string) => {
      if (!isPlainTap(e)) return;
      e.preventDefault();
      // Through the links' one navigate function: a tap on the tab already open replaces its entry, as a link's does.
      go(to, { flushSync: true });
    },
    [go],
  );
  const path = pathname.toLowerCase();
  const active = TABS.find((tab) => path === tab.to || path.startsWith(`${tab.to}/`))?.to;
  return <Tabs active={active} onTap={tap} />;
}

const Tabs = memo(function Tabs({
  active,
  onTap,
}: {
  active: string | undefined;
  onTap: (e: MouseEvent<HTMLAnchorElement>, to: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="tabbar" aria-label={t('appName')}>
      {TABS.map((tab) => (
        <a
          key={tab.to}
          href={tab.to}
          onClick={(e) => onTap(e, tab.to)}
          className={tab.to === active ? 'active' : ''}
          aria-current={tab.to === active ? 'page' : undefined}
        >
          {t(`nav.${tab.key}`)}
        </a>
      ))}
    </nav>
  );
});

export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  // The first render has taken the start snapshot as its first values; later mounts wait for their own query (the
  // session excepted: one live read for the whole app, session.ts, which this layout keeps watching).
  useEffect(() => setStartSnapshot(null), []);
  return (
    <LinkNavigation>
      <div className="shell">
        <header className="topbar">
          <span className="brand" lang="ko">
            {t('appName')}
          </span>
          {session?.demo ? <span className="badge badge-demo">{t('demoBadge')}</span> : null}
          <SyncStatusPill />
          <TutorChip />
          <RetentionPurge />
          <RevokedWipe />
        </header>
        <main className="main" id="main">
          <AfterFirstPaint>
            <PwaBanners />
          </AfterFirstPaint>
          <LockGate>
            <Outlet />
          </LockGate>
        </main>
        <TabBar />
      </div>
    </LinkNavigation>
  );
}
