// Chromium's own verdict on installability (manifest, icons, service worker), asked through CDP in a
// persistent profile (a plain context answers 'in-incognito'), plus the manifest facts the issue names.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { launchPersistent, startApp, waitForServiceWorker } from './support.mjs';

let app;
let context;
let dir;

before(async () => {
  app = await startApp();
  ({ context, dir } = await launchPersistent());
});

after(async () => {
  await context?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  await app?.close();
});

test('Page.getInstallabilityErrors is empty', async () => {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${app.url}/today`);
  await waitForServiceWorker(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
});

test('the manifest names Dangol, is standalone in any orientation, and has real icons', async () => {
  const page = context.pages()[0] ?? (await context.newPage());
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  assert.ok(href, 'index.html links the manifest');
  const manifest = await (await page.request.get(new URL(href, app.url).href)).json();
  assert.equal(manifest.short_name, '단골');
  assert.match(manifest.name, /Dangol/);
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.orientation, 'any');
  assert.ok(manifest.theme_color);
  const purposes = manifest.icons.map((i) => `${i.sizes}:${i.purpose ?? 'any'}`);
  assert.deepEqual(purposes.sort(), ['192x192:any', '512x512:any', '512x512:maskable']);
  for (const icon of [...manifest.icons, { src: '/apple-touch-icon.png', sizes: '180x180' }]) {
    const res = await page.request.get(new URL(icon.src, app.url).href);
    assert.equal(res.headers()['content-type'], 'image/png', icon.src);
    const size = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return `${img.naturalWidth}x${img.naturalHeight}`;
    }, icon.src);
    assert.equal(size, icon.sizes, icon.src);
  }
});
