// Shared pieces of the real-browser tests: Debian's Chromium, the real Dangol server on a copy of the built
// app, tablet-sized contexts, service-worker control, and the demo market. Later tests (two tablets syncing,
// PIN lock) reuse these.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { launchOptions } from '../../scripts/chromium.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The build under test (made by scripts/run-browser-tests.mjs) and a second build with another id. */
export const DIST = process.env.DANGOL_DIST ?? path.join(ROOT, 'dist');
export const DIST_NEXT = process.env.DANGOL_DIST_NEXT ?? path.join(ROOT, '.tmp', 'browser-dist-next');

export const LANDSCAPE = { viewport: { width: 1024, height: 768 }, hasTouch: true };
export const PORTRAIT = { viewport: { width: 768, height: 1024 }, hasTouch: true };

export function launchBrowser() {
  return chromium.launch(launchOptions());
}

/** A persistent profile (needed for the real installability answer); caller removes `dir`. */
export async function launchPersistent(opts = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'dangol-profile-'));
  const context = await chromium.launchPersistentContext(dir, launchOptions({ ...LANDSCAPE, ...opts }));
  return { context, dir };
}

/**
 * The real server (src/server/start.ts) on a private copy of the build and a fresh data directory.
 * Returns { url, distDir, dataDir, server, close() }; `distDir` may be replaced to serve a new version.
 */
export async function startApp({ seedDemo = false } = {}) {
  const work = await mkdtemp(path.join(tmpdir(), 'dangol-browser-'));
  const distDir = path.join(work, 'dist');
  const dataDir = path.join(work, 'data');
  await cp(DIST, distDir, { recursive: true });
  const { startServer } = await import('../../src/server/start.ts');
  const server = await startServer({ port: 0, dataDir, distDir, seedDemo });
  return {
    url: server.url.replace(/\/$/, ''),
    distDir,
    dataDir,
    server,
    async close() {
      await server.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** Serve another build from now on (files are read per request by the server). */
export async function replaceDist(distDir, fromDir = DIST_NEXT) {
  await rm(distDir, { recursive: true, force: true });
  await cp(fromDir, distDir, { recursive: true });
}

/** Fail the test on uncaught page errors; returns the list so a test can assert on it. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** With registerType 'prompt' the first load is not controlled: wait for the worker, reload once. */
export async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

export async function isControlled(page) {
  return page.evaluate(() => navigator.serviceWorker.controller !== null);
}

/** The build id the page is running (set by src/app/pwa/pwa-banners.tsx). */
export async function buildIdOf(page) {
  await page.waitForFunction(() => Boolean(document.documentElement.dataset.build));
  return page.evaluate(() => document.documentElement.dataset.build);
}

/** Load the fictional demo market with the first-start button on Today, as a new user would. */
export async function loadDemo(page, baseUrl) {
  await page.goto(`${baseUrl}/today`);
  await page.getByRole('button', { name: '체험용 시장 불러오기' }).click();
  await page.getByRole('heading', { name: '단골에 오신 것을 환영합니다' }).waitFor({ state: 'detached' });
}

/** Ids on this tablet (read straight from IndexedDB 'dangol'): a stall with visits and one of its visits. */
export async function demoIds(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('dangol');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = (store) =>
      new Promise((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const [stalls, visits] = await Promise.all([all('stalls'), all('visits')]);
    db.close();
    const live = visits.filter((v) => !v.deleted && stalls.some((s) => s.id === v.stallId && !s.deleted));
    const visit = live.find((v) => v.status === 'scheduled') ?? live[0];
    if (!visit) throw new Error('no visits on this tablet: was the demo market loaded?');
    return { stallId: visit.stallId, visitId: visit.id };
  });
}
