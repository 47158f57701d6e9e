// Offline in a real browser: the service worker takes control after one reload, then with the network off
// the app reloads, deep links open from the precached shell, and a note written offline survives a reload.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LANDSCAPE,
  demoIds,
  isControlled,
  launchBrowser,
  loadDemo,
  startApp,
  waitForServiceWorker,
  watchErrors,
} from './support.mjs';

let browser;
let app;

before(async () => {
  app = await startApp({ seedDemo: true });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

test('the service worker controls the page after one reload, and the app works offline', async (t) => {
  const context = await browser.newContext(LANDSCAPE);
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await page.goto(`${app.url}/today`);
    assert.equal(await isControlled(page), false, 'first load is not controlled (registerType prompt)');
    await waitForServiceWorker(page);
    assert.equal(await isControlled(page), true);

    await context.setOffline(true);
    assert.equal(await page.evaluate(() => navigator.onLine), false);

    await t.test('the app reloads offline', async () => {
      await page.reload();
      await page.getByRole('link', { name: '점포', exact: true }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/today');
    });

    await t.test('a deep link opens offline', async () => {
      await page.goto(`${app.url}/stalls/some-stall-id`);
      await page.getByRole('link', { name: '점포', exact: true }).waitFor();
      assert.match(new URL(page.url()).pathname, /^\/stalls/);
    });

    await t.test('an API call offline fails instead of returning the app shell', async () => {
      const r = await page.evaluate(async () => {
        try {
          const res = await fetch('/api/health');
          return `status ${res.status} ${res.headers.get('content-type')}`;
        } catch {
          return 'network error';
        }
      });
      assert.equal(r, 'network error');
    });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a note written offline during a visit survives a reload', async () => {
  const context = await browser.newContext(LANDSCAPE);
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await loadDemo(page, app.url);
    await waitForServiceWorker(page);
    const { stallId, visitId } = await demoIds(page);
    await context.setOffline(true);

    await page.goto(`${app.url}/stalls/${stallId}/visit/${visitId}`);
    const taught = `오프라인에서 쓴 노트 ${Date.now()}`;
    await page.getByRole('textbox', { name: '가르친 내용' }).fill(taught);
    await page.getByRole('button', { name: '노트 저장' }).click();
    await page.getByText('노트를 저장했습니다.').waitFor();

    // The visit screen reloads offline; the note is in the stall's timeline, also after another reload.
    await page.reload();
    await page.getByRole('textbox', { name: '가르친 내용' }).waitFor();
    await page.goto(`${app.url}/stalls/${stallId}`);
    await page.getByText(taught).first().waitFor();
    await page.reload();
    await page.getByText(taught).first().waitFor();
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
