// Entry of the PWA: language, database, router. The other screens' chunks are fetched once the start screen
// has had time to show its data, and the stall list is read then too, so the first tab tap does not wait (4b).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The DOM build of RouterProvider: a navigation can ask for `flushSync` (a stall row's tap does).
import { RouterProvider } from 'react-router/dom';
import { initI18n } from './i18n';
import { ENTITY_NAMES, prepareValidation } from '../domain';
import { getDb } from './db/database';
import { warmStallList } from './db/repos/stalls';
import { readSession } from './db/session';
import { setStartSnapshot } from './db/start-snapshot';
import { readStart } from './layout/read-start';
import { makeRouter, prefetchScreens } from './routes/router';
import { warmNavigation } from './routes/warm-navigation';
import './ui/theme.css';
import { WARM_FONT_STYLES, warmFonts } from './ui/warm-fonts';
import { whenIdle } from './ui/when-idle';

/** The 점포 screen's warm-up, in its own chunk (loaded by then: it runs once `prefetchScreens` has that chunk). */
function warmStalls(marketId: string, tapped: () => boolean): Promise<void> {
  return import('./routes/stalls-route').then((m) => m.warmStallsScreen(marketId, tapped)).catch(() => undefined);
}

/**
 * The record schemas are warmed (≈ 40–60 ms at CPU 4x for the first, one task) only once the tutor has not tapped
 * for this long, in a long idle period: they ran in the short idle gap while a stall opening waited for IndexedDB
 * (CDP profiles, bench 4c: openings of 176 and 187 ms with the schema inside, 81–167 without). Nothing a tap shows
 * needs them; a first write that comes sooner builds its own.
 */
const SCHEMAS_QUIET_MS = 1000;

/**
 * After the start screen's first frame, when the main thread is next idle (or at the latest 2 s later). It waited
 * 600 ms first until bench 4b showed a tutor tapping 점포 right after start paid for the stalls chunk and the
 * list's warm-up inside the tap (≈ 305–320 ms at CPU 4×; 142–148 ms now; cold start unchanged, 1.30–1.40×).
 */
function whenSettled(run: () => void) {
  requestAnimationFrame(() => whenIdle(run, { timeout: 2000 }));
}

async function start() {
  // Everything the first screen shows, read before it renders, so it renders once, complete (bench 4a).
  const snapshot = await readStart(getDb()).catch(() => null);
  setStartSnapshot(snapshot);
  const session = snapshot?.session ?? (await readSession().catch(() => null));
  initI18n(session?.language ?? 'ko');
  document.documentElement.lang = session?.language ?? 'ko';
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing');
  createRoot(root).render(
    <StrictMode>
      <RouterProvider router={makeRouter()} />
    </StrictMode>,
  );
  const marketId = session?.marketId;
  let tapped = false;
  window.addEventListener('click', () => (tapped = true), { capture: true, once: true });
  whenSettled(() => {
    const screens = prefetchScreens(); // the 점포 chunk; the other tabs' load beside it
    if (marketId) void warmStallList(getDb(), marketId).catch(() => undefined);
    // While the chunks load: one tap off-page, so the first tab tap does not run React's click handling and React
    // Router's navigation code for the first time (bench 4b). Not once the tutor has tapped: their tap has run them.
    if (!tapped) void warmNavigation(() => tapped).catch(() => undefined);
    // Warm-ups in idle time only, one small task each, never on a timeout: with one (2-3 s), a page kept busy by
    // the screens' warm-up ran them in the middle of the first taps (bench 4c, CDP profiles at CPU 4x: the fonts'
    // ≈ 45 ms task or ≈ 30 ms of schemas inside the first stall opening). The font styles (≈ 40 ms at CPU 4x
    // together); the record schemas, built on first use (a cold start builds none), before a tutor's first write
    // needs them (all at once took ≈ 13 ms in Node, several times that at CPU 4x; a first write builds its own).
    // Once the tutor has tapped, the fonts left are not warmed: the taps have laid their text out by then (and the
    // 점포 warm-up's hidden layout has), and a warm-up's forced layout (≈ 8–19 ms at CPU 4x) landed inside the
    // second and third stall openings of a cold start (CDP trace, bench 4c).
    for (const style of WARM_FONT_STYLES) whenIdle(() => (tapped ? undefined : warmFonts([style])), {});
    for (const entity of ENTITY_NAMES) whenIdle(() => prepareValidation(entity), { quiet: SCHEMAS_QUIET_MS });
    // As soon as the 점포 chunk is there, that screen's components run once off-page (bench 4b, 4c: their first
    // run was the tab tap's and the first stall opening's, ≈ 40 ms each at CPU 4x). It has to be done early: a
    // tutor (and the bench) may tap 점포 half a second after start. It does not wait for idle time (it waited ≈ 0.1 s
    // for it, and then often ran into the tap), nor for the other tabs' chunks; it renders in one task
    // (stalls-route.tsx `warmStallsScreen`).
    void screens.then(() => (marketId ? warmStalls(marketId, () => tapped) : undefined)).catch(() => undefined);
  });
}

void start();
