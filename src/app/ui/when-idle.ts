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
   * Only once the tutor has not tapped, typed or scrolled for this long while it waited (a quiet spell counts from
   * the last input or from when waiting began, whichever is later), and in a long idle period (no frame due for
   * LONG_IDLE_MS): for work that is one long task, which otherwise ran in the short idle gap while a tap waited for
   * IndexedDB (bench 4c, CDP profiles at CPU 4x: the first record schema's ≈ 40–60 ms inside a stall opening,
   * which then took 176–187 ms). Counted from the last input only, a page nobody had touched yet was quiet at once:
   * the schemas' warm-up ran just before or inside the first tab tap, and the service-worker banners (mounted at
   * most 5 s after start) inside one of the first stall openings in 3 of 5 profiled cold starts (bench 4b, 4c).
   * With `timeout`, it runs at the latest that long after waiting began, quiet or not (a page that never has a long
   * idle period, e.g. one kept animating, must not put off a purge forever).
   */
  quiet?: number;
}

/** An idle period at least this long: nothing (no frame, no timer) is due in it. Chrome's longest is 50 ms. */
export const LONG_IDLE_MS = 40;
/** How soon a quiet wait looks again after an idle period that was too short. */
const RETRY_MS = 100;

/** When the tutor last tapped, pressed a key, typed or scrolled (performance.now(); 0 until then). */
let lastInput = 0;
let tracking = false;

function trackInput(): void {
  if (tracking || typeof window === 'undefined') return;
  tracking = true;
  const seen = () => (lastInput = performance.now());
  // Scroll events do not bubble; a capturing listener on the window sees every element's.
  for (const type of ['pointerdown', 'keydown', 'input', 'click', 'wheel', 'scroll']) {
    window.addEventListener(type, seen, { capture: true, passive: true });
  }
}

/** Runs `run` once the browser is idle; returns a cancel that is safe to call at any time. */
export function whenIdle(run: () => void, { timeout, after = 0, quiet }: IdleOptions): () => void {
  if (quiet !== undefined) trackInput();
  let cancelWait = () => {};
  /** When waiting for idle began (after `after`), for `timeout` across a quiet wait's retries. */
  let began = 0;
  const waited = () => performance.now() - began;
  const overdue = () => timeout !== undefined && waited() >= timeout;
  /** How long it has been quiet while waiting: since the last input, or since waiting began if that is later. */
  const quietFor = () => performance.now() - Math.max(lastInput, began);
  const ready = (idleLeft: () => number) =>
    quiet === undefined || overdue() || (quietFor() >= quiet && idleLeft() >= LONG_IDLE_MS);
  /** Too soon after an input, or the idle period was short: look again later (never past `timeout`). */
  const retry = () => {
    const sinceInput = quietFor();
    let delay = quiet !== undefined && sinceInput < quiet ? quiet - sinceInput : RETRY_MS;
    if (timeout !== undefined) delay = Math.min(delay, Math.max(0, timeout - waited()));
    const timer = setTimeout(() => waitIdle(true), delay);
    cancelWait = () => clearTimeout(timer);
  };
  const waitIdle = (again: boolean) => {
    if (typeof requestIdleCallback === 'function') {
      const left = timeout === undefined ? undefined : again ? Math.max(1, Math.ceil(timeout - waited())) : timeout;
      const id = requestIdleCallback(
        (deadline) => (ready(() => deadline.timeRemaining()) ? run() : retry()),
        left === undefined ? {} : { timeout: left },
      );
      cancelWait = () => cancelIdleCallback(id);
    } else {
      const timer = setTimeout(() => (ready(() => Infinity) ? run() : retry()), 0);
      cancelWait = () => clearTimeout(timer);
    }
  };
  const begin = () => {
    began = performance.now();
    waitIdle(false);
  };
  if (after <= 0) {
    begin();
    return () => cancelWait();
  }
  const delay = setTimeout(begin, after);
  return () => {
    clearTimeout(delay);
    cancelWait();
  };
}

/** Resolves in a task of its own (after what is queued now): splits one long piece of work into shorter tasks. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
