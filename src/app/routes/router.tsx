// The route table. Deep links (e.g. /stalls/abc) work offline through the service worker's navigation fallback.
// Only Today (the start screen) is in the entry chunk: every other screen is its own lazy chunk, so a cold start
// parses less JavaScript (bench 4a), and the tab screens are fetched once the browser is idle after start.
import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLayout } from '../layout/app-layout';
import { TodayRoute } from './today-route';

type Lazy = () => Promise<{ Component: ComponentType }>;

// React Router loads a lazy route before it commits the navigation, so the old screen stays until the new one
// renders in one go (no fallback flash); once prefetched, the import resolves at once.
const loaders = {
  schedule: () => import('./schedule-route').then((m) => ({ Component: m.ScheduleRoute })),
  stalls: () => import('./stalls-route').then((m) => ({ Component: m.StallsRoute })),
  overview: () => import('./overview-route').then((m) => ({ Component: m.OverviewRoute })),
  settings: () => import('./settings-route').then((m) => ({ Component: m.SettingsRoute })),
  visit: () => import('./visit-route').then((m) => ({ Component: m.VisitRoute })),
  consent: () => import('./consent-route').then((m) => ({ Component: m.ConsentRoute })),
  tutors: () => import('./tutors-route').then((m) => ({ Component: m.TutorsRoute })),
  device: () => import('./device-route').then((m) => ({ Component: m.DeviceRoute })),
  // Opened from the status pill: ≈ 8 kB of sync-status components (6 kB less entry JS) a cold start does not need.
  sync: () => import('./sync-route').then((m) => ({ Component: m.SyncRoute })),
} satisfies Record<string, Lazy>;

/** Shown while a deep link's screen chunk loads on the first start (from the service worker's cache). */
function ScreenLoading() {
  const { t } = useTranslation();
  return (
    <p role="status" style={{ padding: '1rem' }}>
      {t('loading')}
    </p>
  );
}

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    HydrateFallback: ScreenLoading,
    children: [
      { index: true, element: <Navigate to="/today" replace /> },
      { path: 'today', element: <TodayRoute /> },
      { path: 'schedule', lazy: loaders.schedule },
      // One route for the list and a chosen stall, so opening a stall keeps the list mounted (bench 4c).
      { path: 'stalls/:stallId?', lazy: loaders.stalls },
      { path: 'stalls/:stallId/visit/:visitId', lazy: loaders.visit },
      { path: 'overview', lazy: loaders.overview },
      { path: 'settings', lazy: loaders.settings },
      { path: 'consent/:stallId', lazy: loaders.consent },
      { path: 'tutors', lazy: loaders.tutors },
      { path: 'device', lazy: loaders.device },
      { path: 'sync', lazy: loaders.sync },
      { path: '*', element: <Navigate to="/today" replace /> },
    ],
  },
];

/** Fetch and parse the tab screens' (and the sync pill's) chunks ahead of the first tap, when the browser is idle. */
export function prefetchScreens(): Promise<unknown> {
  return Promise.all([loaders.stalls(), loaders.schedule(), loaders.overview(), loaders.settings(), loaders.sync()]);
}

export function makeRouter() {
  return createBrowserRouter(routes);
}
