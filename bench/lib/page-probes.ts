// Scripts run inside the page, kept as plain JavaScript text (no transpiler helpers can leak into them).
// Every time is taken in the page with performance.now(), so the CDP round trip is never counted.

/** Init script: window.__ready = ms from navigation start until `selector` exists and a frame has painted. */
export const readyProbe = (selector: string) => `
(() => {
  const sel = ${JSON.stringify(selector)};
  const done = () => requestAnimationFrame(() => setTimeout(() => { window.__ready = performance.now(); }, 0));
  const check = () => {
    if (document.querySelector(sel)) { obs.disconnect(); done(); }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true });
})();`;

/** Median of 20 requestAnimationFrame round trips: the interaction floor. */
export const rafFloor = `
(async () => {
  const out = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await new Promise((r) => requestAnimationFrame(() => r()));
    out.push(performance.now() - t0);
  }
  return out;
})()`;

/**
 * Shared helper text: wait until cond() holds, checked at the start of each frame (requestAnimationFrame), then
 * until the next frame starts — so the frame that lays out and paints what cond() saw has been produced. Never
 * checked synchronously right after the action: a DOM already there when the action's task ends (the 점포 tab
 * tap renders in its own task) would then end the wait at the start of the very frame that still has to lay it
 * out and paint it (until the fourteenth session the tab tap was measured that way: 50–142 ms where the list's
 * frame painted at 64–211; bench 4b).
 */
const waitFor = `
const waitFor = (cond, timeout = 15000) => new Promise((resolve) => {
  const t0 = performance.now();
  const tick = () => {
    if (cond()) return requestAnimationFrame(() => resolve(true));
    if (performance.now() - t0 > timeout) return resolve(false);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});`;

/** Click a link/button found by selector, time until `doneSelector` is present and painted. */
export const clickAndWait = (selector: string, index: number, doneSelector: string) => `
(async () => {
  ${waitFor}
  const els = document.querySelectorAll(${JSON.stringify(selector)});
  const el = els[${index} % Math.max(1, els.length)];
  if (!el) return -1;
  const t0 = performance.now();
  el.click();
  const ok = await waitFor(() => document.querySelector(${JSON.stringify(doneSelector)}));
  return ok ? performance.now() - t0 : -1;
})()`;

/** history.back() and wait for a selector (not timed). */
export const backTo = (selector: string) => `
(async () => {
  ${waitFor}
  history.back();
  return waitFor(() => document.querySelector(${JSON.stringify(selector)}));
})()`;

/**
 * Type `values` one by one into the search box (as React sees typing: value setter + input event) and time
 * each until the list shows that text's results — the count above the list says `counts[i]` stalls and every
 * row shown contains the text — and a frame is painted. The count matters when a letter is taken away: the rows
 * of the longer text contain the shorter one too, so without it such a keystroke ended before its wider results
 * were shown (until the fourteenth session).
 */
export const typeSearch = (values: string[], counts: number[]) => `
(async () => {
  ${waitFor}
  const input = document.querySelector('input[type="search"]');
  const count = document.querySelector('main .stall-list [role="status"]');
  if (!input || !count) return [];
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const counts = ${JSON.stringify(counts)};
  const out = [];
  for (const [i, v] of ${JSON.stringify(values)}.entries()) {
    const t0 = performance.now();
    setter.call(input, v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const ok = await waitFor(() => {
      if (Number((count.textContent.match(/[0-9][0-9,]*/) || [''])[0].replace(/,/g, '')) !== counts[i]) return false;
      const rows = [...document.querySelectorAll('main ul[aria-label] > li')];
      return rows.every((li) => li.textContent.includes(v.trim()));
    });
    out.push(ok ? performance.now() - t0 : -1);
  }
  return out;
})()`;

/** Scroll the stall list `steps` times by `px`; each step timed until the rows there are rendered and painted. */
export const scrollList = (steps: number, px: number) => `
(async () => {
  ${waitFor}
  const list = document.querySelector('main ul[aria-label]');
  const scroller = list && list.parentElement;
  if (!scroller) return [];
  const out = [];
  for (let i = 0; i < ${steps}; i++) {
    const target = scroller.scrollTop + ${px};
    const t0 = performance.now();
    scroller.scrollTop = target;
    const ok = await waitFor(() => [...list.children].some((li) => {
      const m = /translateY\\((\\d+(?:\\.\\d+)?)px\\)/.exec(li.style.transform);
      return m && Number(m[1]) >= target && Number(m[1]) < target + scroller.clientHeight;
    }));
    out.push(ok ? performance.now() - t0 : -1);
  }
  return out;
})()`;

/** Put rows into one store of the app's IndexedDB 'dangol' (the app created it), in one transaction. */
export const putRows = (store: string, rows: readonly unknown[]) => `
(async () => {
  const db = await new Promise((res, rej) => { const r = indexedDB.open('dangol'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  await new Promise((res, rej) => {
    const tx = db.transaction(${JSON.stringify(store)}, 'readwrite');
    for (const row of ${JSON.stringify(rows)}) tx.objectStore(${JSON.stringify(store)}).put(row);
    tx.oncomplete = () => res(); tx.onerror = () => rej(tx.error);
  });
  db.close();
  return true;
})()`;

/** Write key/value rows into the app's meta store. */
export const writeMeta = (rows: { key: string; value: unknown }[]) => putRows('meta', rows);

/** Read one meta value of the app's database. */
export const readMeta = (key: string) => `
(async () => {
  const db = await new Promise((res, rej) => { const r = indexedDB.open('dangol'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  const v = await new Promise((res, rej) => { const r = db.transaction('meta').objectStore('meta').get(${JSON.stringify(key)}); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  db.close();
  return v ? v.value : null;
})()`;
