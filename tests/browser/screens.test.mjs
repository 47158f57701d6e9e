// Every screen with the demo market loaded, on a tablet in landscape (1024x768) and portrait (768x1024):
// axe finds no accessibility violations on Today, Stalls, Stall detail and Visit, and screenshots are saved
// to screenshots/ for a person to look at. Then the lead makes the demo a 5일장 (whose market day is tomorrow)
// on the tutors screen, and Today, the week and a booking on today are photographed with their market days.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { LANDSCAPE, PORTRAIT, demoIds, launchBrowser, loadDemo, startApp, watchErrors } from './support.mjs';

const SHOTS = path.resolve(import.meta.dirname, '../../screenshots');
const axeModule = await import('@axe-core/playwright');
const AxeBuilder = axeModule.default?.default ?? axeModule.default ?? axeModule;

let browser;
let app;

before(async () => {
  await mkdir(SHOTS, { recursive: true });
  app = await startApp();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

function screens({ stallId, visitId }) {
  return [
    { name: 'today', path: '/today', axe: true },
    { name: 'schedule', path: '/schedule', axe: false },
    { name: 'stalls', path: '/stalls', axe: true },
    { name: 'stall-detail', path: `/stalls/${stallId}`, axe: true },
    { name: 'visit', path: `/stalls/${stallId}/visit/${visitId}`, axe: true },
    { name: 'overview', path: '/overview', axe: false },
    { name: 'settings', path: '/settings', axe: false },
  ];
}

async function settle(page) {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
}

for (const [orientation, options] of [
  ['landscape', LANDSCAPE],
  ['portrait', PORTRAIT],
]) {
  test(`${orientation}: screens pass axe and are photographed`, async (t) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      await loadDemo(page, app.url);
      const ids = await demoIds(page);
      for (const screen of screens(ids)) {
        await t.test(screen.name, async () => {
          await page.goto(`${app.url}${screen.path}`);
          await settle(page);
          assert.equal(new URL(page.url()).pathname, screen.path, 'the route did not redirect away');
          const tabs = await page
            .getByRole('navigation')
            .filter({ has: page.getByRole('link', { name: '오늘' }) })
            .boundingBox();
          const { height } = page.viewportSize();
          assert.ok(tabs && tabs.y >= 0 && tabs.y + tabs.height <= height + 1, 'the tab bar is on screen');
          await page.screenshot({ path: path.join(SHOTS, `${orientation}-${screen.name}.png`) });
          if (screen.axe) {
            const result = await new AxeBuilder({ page }).analyze();
            const found = result.violations.map(
              (v) =>
                `${v.id} (${v.impact}): ${v.help} — ` +
                v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('; '),
            );
            assert.deepEqual(found, [], `axe violations on ${screen.path}`);
          }
        });
      }
      await t.test('market days of a 5일장', async () => {
        await page.goto(`${app.url}/tutors`);
        await settle(page);
        // Tomorrow's date ends in the pair's digits: today is not a market day, tomorrow is.
        const r = await page.evaluate(() => (new Date().getDate() + 1) % 5);
        const pair = r === 0 ? '5·10' : `${r}·${r + 5}`;
        await page.getByLabel('시장 종류').selectOption('5일장');
        await page.getByLabel('장날 (날짜 끝자리)').selectOption(pair);
        await page.getByRole('button', { name: '장날 저장' }).click();
        await page.getByText('장 서는 날을 저장했습니다.').waitFor();
        await page.getByRole('button', { name: '장날 저장' }).scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(SHOTS, `${orientation}-tutors-market-days.png`) });

        await page.goto(`${app.url}/today`);
        await settle(page);
        await page.getByText(`오늘은 장날이 아닙니다 (${pair}일 장)`, { exact: false }).waitFor();
        await page.screenshot({ path: path.join(SHOTS, `${orientation}-today-5day.png`) });
        const result = await new AxeBuilder({ page }).analyze();
        assert.deepEqual(
          result.violations.map((v) => v.id),
          [],
          'axe violations on Today of a 5일장',
        );

        await page.goto(`${app.url}/schedule`);
        await settle(page);
        const marketDay = page.getByRole('region', { name: /, 장날, 방문 \d+건$/ }).first();
        await marketDay.waitFor();
        await marketDay.getByRole('heading').evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await page.screenshot({ path: path.join(SHOTS, `${orientation}-schedule-5day.png`) });
        await page.getByRole('button', { name: '방문 예약' }).click();
        const form = page.getByRole('form', { name: '방문 예약' });
        const warning = form.getByText('장날이 아닙니다', { exact: false });
        await warning.waitFor();
        await warning.scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(SHOTS, `${orientation}-booking-5day.png`) });
      });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
