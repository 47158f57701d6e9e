// Work that can wait for the browser to be idle (warm-ups, banners, bookkeeping writes) so it does not land in a
// tap or the start screen's first frames. One helper for every such place; where there is no
// requestIdleCallback (Safari), the work runs in the next task.

export interface IdleOptions {
  /**
   * Run at the latest this long after waiting for idle began (requestIdleCallback's timeout). Without it, only when
   * the browser is idle: for warm-ups, which a timeout made run in the middle of a busy page — i.e. of what a tutor
   * is doing (bench 4c: the font and schema warm-ups, ≈ 30–45 ms, landed in the first stall opening at CPU 4x).
   */
  timeout?: number;
  /** Wait this long before starting to wait for idle. */
  after?: number;
  /**
   * Only once the tutor has not tapped or typed for this long, and in a long idle period (no frame due for
   * LONG_IDLE_MS): for a warm-up that is one long task, which otherwise ran in the short idle gap while a tap
   * waited for IndexedDB (bench 4c, CDP profiles at CPU 4x: the first record schema's ≈ 40–60 ms inside a stall
   * opening, which then took 176–187 ms). Not with `timeout`.
   */
  quiet?: number;
}

/** An idle period at least this long: nothing (no frame, no timer) is due in it. Chrome's longest is 50 ms. */
export const LONG_IDLE_MS = 40;
/** How soon a quiet wait looks again after an idle period that was too short. */
const RETRY_MS = 100;

/** When the tutor last tapped, pressed a key or typed (performance.now(); 0 until then). */
let lastInput = 0;
let tracking = false;

function trackInput(): void {
  if (tracking || typeof window === 'undefined') return;
  tracking = true;
  const seen = () => (lastInput = performance.now());
  for (const type of ['pointerdown', 'keydown', 'input', 'click']) {
    window.addEventListener(type, seen, { capture: true, passive: true });
  }
}

/** Runs `run` once the browser is idle; returns a cancel that is safe to call at any time. */
export function whenIdle(run: () => void, { timeout, after = 0, quiet }: IdleOptions): () => void {
  if (quiet !== undefined) trackInput();
  let cancelWait = () => {};
  /** Too soon after an input, or the idle period was short: look again later. */
  const retry = () => {
    const sinceInput = performance.now() - lastInput;
    const timer = setTimeout(waitIdle, quiet !== undefined && sinceInput < quiet ? quiet - sinceInput : RETRY_MS);
    cancelWait = () => clearTimeout(timer);
  };
  const ready = (idleLeft: () => number) =>
    quiet === undefined || (performance.now() - lastInput >= quiet && idleLeft() >= LONG_IDLE_MS);
  const waitIdle = () => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(
        (deadline) => (ready(() => deadline.timeRemaining()) ? run() : retry()),
        timeout === undefined ? {} : { timeout },
      );
      cancelWait = () => cancelIdleCallback(id);
    } else {
      const timer = setTimeout(() => (ready(() => Infinity) ? run() : retry()), 0);
      cancelWait = () => clearTimeout(timer);
    }
  };
  if (after <= 0) {
    waitIdle();
    return () => cancelWait();
  }
  const delay = setTimeout(waitIdle, after);
  return () => {
    clearTimeout(delay);
    cancelWait();
  };
}
