// The route table. Deep links (e.g. /stalls/abc) work offline through the service worker's navigation fallback.
// Only Today (the start screen) is in the entry chunk: every other screen is its own lazy chunk, so a cold start
// parses less JavaScript (bench 4a), and the tab screens are fetched once the browser is idle after start.
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { useTranslation } from '../i18n/use-translation';
import { AppLayout } from '../layout/app-layout';
import { TodayRoute } from './today-route';

type Lazy = () => Promise<{ Component: ComponentType }>;

// React Router loads a lazy route before it commits the navigation, so the old screen stays until the new one
// renders in one go (no fallback flash); once loaded, the import resolves at once.
const loaders = {
  visit: () => import('./visit-route').then((m) => ({ Component: m.VisitRoute })),
  consent: () => import('./consent-route').then((m) => ({ Component: m.ConsentRoute })),
  tutors: () => import('./tutors-route').then((m) => ({ Component: m.TutorsRoute })),
  device: () => import('./device-route').then((m) => ({ Component: m.DeviceRoute })),
  // Opened from the status pill: ≈ 8 kB of sync-status components (6 kB less entry JS) a cold start does not need.
  sync: () => import('./sync-route').then((m) => ({ Component: m.SyncRoute })),
} satisfies Record<string, Lazy>;

/** Shown while a screen's chunk loads (a deep link on the first start, or a tab tapped before the prefetch). */
function ScreenLoading() {
  const { t } = useTranslation();
  return (
    <p role="status" style={{ padding: '1rem' }}>
      {t('loading')}
    </p>
  );
}

/**
 * A tab screen in its own chunk, rendered by a small component of the entry chunk. Not React Router's `lazy`: a
 * navigation to a lazy route (even one whose chunk is already loaded) goes through the router's loading path — a
 * render of the "loading" navigation state (every tab link), an asynchronous step, then the new screen, in
 * transition slices — ≈ 40 ms of the 점포 tab tap at CPU 4x (CDP profile; bench 4b). Here the router sees a plain
 * component and commits the navigation at once, and a tab tap can render it in one go (`flushSync`, app-layout).
 * The tab screens' chunks are prefetched when idle after start; before that, the screen shows "loading" until its
 * chunk is there (it does not suspend: React did not retry a navigation suspended on the import under vitest).
 */
function tabScreen(load: () => Promise<ComponentType>): { element: ReactNode; preload: () => Promise<unknown> } {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (C) => (loaded = C),
      (err: unknown) => {
        loading = undefined; // a later visit tries again
        throw err;
      },
    ));
  function Screen() {
    const [Component, setComponent] = useState(() => loaded);
    const [failed, setFailed] = useState<unknown>(undefined);
    useEffect(() => {
      if (Component) return;
      let live = true;
      preload().then(
        (C) => live && setComponent(() => C),
        (err: unknown) => live && setFailed(err),
      );
      return () => {
        live = false;
      };
    }, [Component]);
    if (failed !== undefined) throw failed;
    return Component ? <Component /> : <ScreenLoading />;
  }
  return { element: <Screen />, preload };
}

const screens = {
  schedule: tabScreen(() => import('./schedule-route').then((m) => m.ScheduleRoute)),
  stalls: tabScreen(() => import('./stalls-route').then((m) => m.StallsRoute)),
  overview: tabScreen(() => import('./overview-route').then((m) => m.OverviewRoute)),
  settings: tabScreen(() => import('./settings-route').then((m) => m.SettingsRoute)),
};

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    HydrateFallback: ScreenLoading,
    children: [
      { index: true, element: <Navigate to="/today" replace /> },
      { path: 'today', element: <TodayRoute /> },
      { path: 'schedule', element: screens.schedule.element },
      // One route for the list and a chosen stall, so opening a stall keeps the list mounted (bench 4c).
      { path: 'stalls/:stallId?', element: screens.stalls.element },
      { path: 'stalls/:stallId/visit/:visitId', lazy: loaders.visit },
      { path: 'overview', element: screens.overview.element },
      { path: 'settings', element: screens.settings.element },
      { path: 'consent/:stallId', lazy: loaders.consent },
      { path: 'tutors', lazy: loaders.tutors },
      { path: 'device', lazy: loaders.device },
      { path: 'sync', lazy: loaders.sync },
      { path: '*', element: <Navigate to="/today" replace /> },
    ],
  },
];

/**
 * Fetch and parse the tab screens' (and the sync pill's) chunks ahead of the first tap, when the browser is idle.
 * Settles as soon as the 점포 screen's own chunk is there (its warm-up needs no other); a chunk that fails to load is
 * fetched again when its screen is opened.
 */
export function prefetchScreens(): Promise<unknown> {
  const { stalls, schedule, overview, settings } = screens;
  for (const other of [schedule.preload(), overview.preload(), settings.preload(), loaders.sync()]) {
    other.catch(() => undefined);
  }
  return stalls.preload();
}

export function makeRouter() {
  return createBrowserRouter(routes);
}
