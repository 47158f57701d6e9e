// Entry of the PWA: language, database, router. The other screens' chunks are fetched once the start screen
// has had time to show its data, and the stall list is read then too, so the first tab tap does not wait (4b).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The DOM build of RouterProvider: a navigation can ask for `flushSync` (a stall row's tap does).
import { RouterProvider } from 'react-router/dom';
import { initI18n } from './i18n';
import { getDb } from './db/database';
import { warmStallList } from './db/repos/stalls';
import { readSession } from './db/session';
import { setStartSnapshot } from './db/start-snapshot';
import { readStart } from './layout/read-start';
import { makeRouter, prefetchScreens } from './routes/router';
import './ui/theme.css';
import { warmFonts } from './ui/warm-fonts';
import { whenIdle } from './ui/when-idle';

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
  whenSettled(() => {
    void prefetchScreens().catch(() => undefined);
    if (marketId) void warmStallList(getDb(), marketId).catch(() => undefined);
    // Its own idle task (≈ 40 ms at CPU 4x), not added to the one above.
    whenIdle(() => warmFonts(), { timeout: 2000 });
  });
}

void start();
