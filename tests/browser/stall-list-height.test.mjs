// The 점포 list's scroll box takes the height left on the screen: on a tablet in landscape (1024x768) and portrait
// (768x1024) its bottom is the tab bar's top (nothing of it behind the bar, no gap above it), also after a banner
// appears above the screen, and the last stall scrolls fully into view above the tab bar. Screens that do not
// opt in (Today) keep growing with their content in the scrolling main area. Screenshots of the list scrolled to
// its end are saved to screenshots/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { LANDSCAPE, PORTRAIT, demoIds, launchBrowser, loadDemo, startApp, watchErrors } from './support.mjs';

const SHOTS = path.resolve(import.meta.dirname, '../../screenshots');

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

/** The list's scroll box, the tab bar and the main area, as page rectangles. */
function boxes(page) {
  return page.evaluate(() => {
    const rect = (el) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: r.height };
    };
    const list = document.querySelector('main ul[aria-label]');
    const scroller = list?.parentElement ?? null;
    return {
      scroller: rect(scroller),
      scrollerClient: scroller?.clientHeight ?? 0,
      tabbar: rect(document.querySelector('nav.tabbar')),
      main: rect(document.querySelector('main')),
      mainScrolls: (() => {
        const main = document.querySelector('main');
        return main.scrollHeight > main.clientHeight;
      })(),
    };
  });
}

/** Scroll the list to its end and return the last stall's row and the rectangles then. */
async function scrollToLast(page) {
  await page.evaluate(() => {
    const scroller = document.querySelector('main ul[aria-label]').parentElement;
    scroller.scrollTop = scroller.scrollHeight;
  });
  await page.waitForFunction(() => {
    const last = document.querySelector('main ul[aria-label] > li:last-child');
    return last && last.getAttribute('aria-posinset') === last.getAttribute('aria-setsize');
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => {
    const items = [...document.querySelectorAll('main ul[aria-label] > li')];
    const last = items.find((li) => li.getAttribute('aria-posinset') === li.getAttribute('aria-setsize'));
    const card = last.querySelector('a');
    const r = card.getBoundingClientRect();
    const tabTop = document.querySelector('nav.tabbar').getBoundingClientRect().top;
    const scrollerTop = last.parentElement.parentElement.getBoundingClientRect().top;
    // What a tap at the card's bottom edge would hit: the card, not the tab bar drawn over it.
    const hit = document.elementFromPoint(r.left + r.width / 2, r.bottom - 2);
    return {
      name: card.querySelector('strong')?.textContent ?? '',
      top: r.top,
      bottom: r.bottom,
      tabTop,
      scrollerTop,
      hitsCard: hit !== null && card.contains(hit),
    };
  });
}

for (const [orientation, options] of [
  ['landscape', LANDSCAPE],
  ['portrait', PORTRAIT],
]) {
  test(`${orientation}: the stall list's scroll box ends at the tab bar`, async (t) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      await loadDemo(page, app.url);
      const { stallId } = await demoIds(page);

      await t.test('Today (not a filling screen) still grows and scrolls in main', async () => {
        await page.goto(`${app.url}/today`);
        await page.locator('main h1').first().waitFor();
        const display = await page.evaluate(() => getComputedStyle(document.querySelector('main')).display);
        assert.equal(display, 'block');
      });

      await page.goto(`${app.url}/stalls`);
      await page.locator('main ul[aria-label] > li').first().waitFor();
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(300);

      await t.test('bottom of the scroll box = top of the tab bar', async () => {
        const b = await boxes(page);
        assert.ok(b.scroller && b.tabbar, 'the list and the tab bar are there');
        assert.ok(
          Math.abs(b.scroller.bottom - b.tabbar.top) <= 2,
          `scroll box bottom ${b.scroller.bottom} vs tab bar top ${b.tabbar.top}`,
        );
        assert.ok(b.scroller.height >= 300, `scroll box ${b.scroller.height} px tall`);
        assert.equal(b.mainScrolls, false, 'the main area does not scroll under a filling screen');
      });

      await t.test('a banner above the screen moves the list, whose bottom stays at the tab bar', async () => {
        const before = await boxes(page);
        await page.evaluate(() => {
          const banner = document.createElement('p');
          banner.id = 'test-banner';
          banner.className = 'notice notice-info';
          banner.style.cssText = 'height: 64px; margin: 0 0 1rem';
          banner.textContent = 'banner';
          document.querySelector('main').prepend(banner);
        });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const b = await boxes(page);
        await page.evaluate(() => document.getElementById('test-banner').remove());
        assert.ok(
          Math.abs(b.scroller.top - before.scroller.top - 82) <= 2,
          `the list moved down by the banner: ${before.scroller.top} -> ${b.scroller.top}`,
        );
        assert.ok(
          Math.abs(b.scroller.bottom - b.tabbar.top) <= 2,
          `with a banner: scroll box bottom ${b.scroller.bottom} vs tab bar top ${b.tabbar.top}`,
        );
        // The virtualizer saw the new height (its ResizeObserver): the rows it renders cover the smaller box.
        assert.equal(b.scrollerClient, Math.round(b.scroller.height));
      });

      await t.test('the last stall scrolls fully into view above the tab bar', async () => {
        const last = await scrollToLast(page);
        assert.ok(
          last.top >= last.scrollerTop - 0.5,
          `the last row's top ${last.top} is in the box (${last.scrollerTop})`,
        );
        assert.ok(
          last.bottom <= last.tabTop + 0.5,
          `the last row's bottom ${last.bottom} vs the tab bar's top ${last.tabTop}`,
        );
        assert.ok(last.hitsCard, `a tap at the bottom of "${last.name}" reaches it, not the tab bar`);
        await page.screenshot({ path: path.join(SHOTS, `${orientation}-stalls-end.png`) });
      });

      await t.test("a stall's detail scrolls in its pane to its end above the tab bar", async () => {
        await page.goto(`${app.url}/stalls/${stallId}`);
        await page.locator('.split-detail .card').nth(3).waitFor();
        await page.waitForTimeout(300);
        const end = await page.evaluate(async () => {
          const pane = document.querySelector('.split-detail');
          pane.scrollTop = pane.scrollHeight;
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          const cards = pane.querySelectorAll(':scope > * > .card');
          const lastCard = cards[cards.length - 1].getBoundingClientRect();
          return {
            scrolls: pane.scrollHeight > pane.clientHeight,
            cardBottom: lastCard.bottom,
            tabTop: document.querySelector('nav.tabbar').getBoundingClientRect().top,
          };
        });
        assert.ok(end.scrolls, 'the detail is taller than its pane and scrolls in it');
        assert.ok(end.cardBottom <= end.tabTop, `the notes card ends at ${end.cardBottom}, above ${end.tabTop}`);
        await page.screenshot({ path: path.join(SHOTS, `${orientation}-stall-detail-end.png`) });
      });

      await t.test('another stall opened from the list shows its detail from the top', async () => {
        const back = page.getByRole('link', { name: '← 점포 목록으로' });
        if (await back.isVisible()) await back.click();
        const other = page.locator(`main ul[aria-label] > li a:not([href$="${stallId}"])`).first();
        const name = await other.locator('strong').textContent();
        await other.click();
        await page.getByRole('heading', { name }).first().waitFor();
        const top = await page.evaluate(() => document.querySelector('.split-detail').scrollTop);
        assert.equal(top, 0);
      });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
