// A new build on the server: the waiting worker shows the update prompt (not while typing), and only the
// tutor's tap reloads the page onto the new version.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LANDSCAPE,
  buildIdOf,
  launchBrowser,
  replaceDist,
  startApp,
  waitForServiceWorker,
  watchErrors,
} from './support.mjs';

let browser;
let app;

before(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

test('the update prompt appears for a new build and reloads onto it only on tap', async () => {
  const context = await browser.newContext(LANDSCAPE);
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await page.goto(`${app.url}/today`);
    await waitForServiceWorker(page);
    assert.equal(await buildIdOf(page), 'browser-test-1');
    const update = page.getByRole('button', { name: '지금 업데이트' });

    // The tutor is typing somewhere when the new version arrives.
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.setAttribute('aria-label', 'typing');
      document.body.prepend(input);
      input.focus();
    });
    await replaceDist(app.distDir);
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg.update();
      await new Promise((resolve) => {
        if (reg.waiting) return resolve();
        reg.installing?.addEventListener('statechange', (e) => e.target.state === 'installed' && resolve());
      });
    });
    await page.waitForTimeout(2500);
    assert.equal(await update.count(), 0, 'no update prompt while a text field has focus');
    assert.equal(await buildIdOf(page), 'browser-test-1', 'nothing reloads by itself');

    await page.evaluate(() => document.activeElement.blur());
    await update.waitFor({ timeout: 10_000 });
    assert.equal(await buildIdOf(page), 'browser-test-1');

    await Promise.all([page.waitForEvent('load'), update.click()]);
    await page.waitForFunction(() => document.documentElement.dataset.build === 'browser-test-2');
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller !== null), true);
    assert.equal(await update.count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
