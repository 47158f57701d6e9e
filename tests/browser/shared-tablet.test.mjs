// Two tutors take turns on one lounge tablet (Chromium, the real server and build): the first is mid-note
// when the tablet locks itself after the idle time; the second unlocks with their own PIN and cannot see
// that draft; the first comes back with their PIN and finds it. No clear PIN is ever in IndexedDB.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { LANDSCAPE, demoIds, launchBrowser, loadDemo, startApp, watchErrors } from './support.mjs';

const SHOTS = path.resolve(import.meta.dirname, '../../screenshots');
const axeModule = await import('@axe-core/playwright');
const AxeBuilder = axeModule.default?.default ?? axeModule.default ?? axeModule;

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

/** Every row of every IndexedDB table of the app, as one string. */
async function dumpIndexedDb(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('dangol');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const out = [];
    for (const name of db.objectStoreNames) {
      out.push(
        await new Promise((resolve, reject) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        }),
      );
    }
    db.close();
    return JSON.stringify(out);
  });
}

/** Two tutors of the demo market and its auto-lock minutes. */
async function demoPeople(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve) => {
      const req = indexedDB.open('dangol');
      req.onsuccess = () => resolve(req.result);
    });
    const all = (store) =>
      new Promise((resolve) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
      });
    const [tutors, markets] = [await all('tutors'), await all('markets')];
    db.close();
    const names = tutors.filter((t) => t.role === 'tutor' && t.active).map((t) => t.name);
    return { first: names[0], second: names[1], minutes: markets[0].autoLockMinutes };
  });
}

const lockScreen = (page) => page.getByRole('heading', { name: '누가 쓰고 있나요?' });

async function signIn(page, name, pin, { first = false } = {}) {
  await page.getByRole('button', { name, exact: true }).click();
  if (first) {
    await page.getByLabel('새 PIN (숫자 4~6자리)').fill(pin);
    await page.getByLabel('새 PIN 한 번 더').fill(pin);
    await page.getByRole('button', { name: 'PIN 저장' }).click();
  } else {
    await page.getByLabel('PIN (숫자 4~6자리)').fill(pin);
    await page.getByRole('button', { name: '확인', exact: true }).click();
  }
  await page.getByText(`${name} 님 사용 중`).waitFor();
}

async function textareaValues(page) {
  return page.evaluate(() => [...document.querySelectorAll('textarea, input')].map((e) => e.value).join('\n'));
}

test('two tutors take turns: a locked draft stays with its author only', async () => {
  const context = await browser.newContext(LANDSCAPE);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.clock.install();
  try {
    await loadDemo(page, app.url);
    const { stallId } = await demoIds(page);
    const { first, second, minutes } = await demoPeople(page);
    assert.ok(first && second, 'the demo market has two tutors');

    // The demo opens as its lead: hand the tablet over (one tap), then each tutor picks a first PIN.
    await page.getByRole('button', { name: '잠금·바꾸기' }).click();
    await lockScreen(page).waitFor();
    await signIn(page, first, '1357', { first: true });

    const DRAFT = '쿠폰 만드는 법을 두 번 보여 드림 (초안)';
    await page.goto(`${app.url}/stalls/${stallId}`);
    await page.getByRole('button', { name: '새 노트 쓰기' }).click();
    await page.getByLabel('가르친 내용').fill(DRAFT);

    // The market's idle minutes pass: the tablet locks itself and the text leaves the screen.
    await page.clock.fastForward(minutes * 60_000 - 20_000);
    assert.equal(await lockScreen(page).count(), 0, 'not locked before the idle time');
    await page.clock.fastForward(25_000);
    await lockScreen(page).waitFor();
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'lock-screen-landscape.png') });
    const axe = await new AxeBuilder({ page }).include('.lock-screen').analyze();
    assert.deepEqual(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
    );
    assert.equal((await textareaValues(page)).includes(DRAFT), false);
    assert.equal(await page.getByText(DRAFT).count(), 0);

    // The other tutor unlocks with their own PIN on the same screen: no trace of the draft.
    await signIn(page, second, '2468', { first: true });
    assert.equal(new URL(page.url()).pathname, `/stalls/${stallId}`);
    await page.getByRole('button', { name: '새 노트 쓰기' }).click();
    await page.getByLabel('가르친 내용').waitFor();
    assert.equal((await textareaValues(page)).includes(DRAFT), false);
    assert.equal(await page.getByText(DRAFT).count(), 0);
    await page.getByRole('button', { name: '닫기' }).click();

    // Switch back: two taps and the PIN. The first tutor finds the note as they left it.
    await page.goto(`${app.url}/today`);
    await page.getByRole('button', { name: '잠금·바꾸기' }).click();
    await lockScreen(page).waitFor();
    await signIn(page, first, '1357');
    await page.waitForURL(`**/stalls/${stallId}`);
    await page.waitForFunction(
      (text) => [...document.querySelectorAll('textarea')].some((e) => e.value === text),
      DRAFT,
    );
    assert.equal(await page.getByLabel('가르친 내용').inputValue(), DRAFT);
    await page.getByRole('status').filter({ hasText: '되살렸습니다' }).waitFor();

    // No clear PIN anywhere in IndexedDB (hashes, salts and iteration counts only).
    const dump = await dumpIndexedDb(page);
    assert.ok(dump.includes('pinHash'));
    for (const pin of ['1357', '2468']) assert.equal(dump.includes(`"${pin}"`), false, `PIN ${pin} stored`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
