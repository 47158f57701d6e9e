// The shell around every screen: top bar (brand, demo badge, sync status), content, tab bar.
import { useEffect, useState, type ReactNode } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../db/session';
import { setStartSnapshot } from '../db/start-snapshot';
import { PwaBanners } from '../pwa/pwa-banners';
import { SyncStatusPill } from '../features/sync-status/sync-status-pill';
import { LockGate } from '../features/tutors/lock-gate';
import { TutorChip } from '../features/tutors/tutor-chip';
import { RetentionPurge } from '../features/consent/use-retention-purge';
import { RevokedWipe } from '../features/device/revoked-wipe';
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
 * when the browser is idle, as mounting at 1 s landed inside the first tab tap (bench 4b).
 */
function AfterFirstPaint({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => whenIdle(() => setReady(true), { after: 1000, timeout: 5000 }), []);
  return ready ? children : null;
}

export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  // The first render has taken the start snapshot as its first values; later mounts wait for their own query.
  useEffect(() => setStartSnapshot(null), []);
  return (
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
      <nav className="tabbar" aria-label={t('appName')}>
        {TABS.map((tab) => (
          <NavLink key={tab.to} to={tab.to} className={({ isActive }) => (isActive ? 'active' : '')}>
            {t(`nav.${tab.key}`)}
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
