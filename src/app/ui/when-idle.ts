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
}

/** Runs `run` once the browser is idle; returns a cancel that is safe to call at any time. */
export function whenIdle(run: () => void, { timeout, after = 0 }: IdleOptions): () => void {
  let cancelIdle = () => {};
  const waitIdle = () => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => run(), timeout === undefined ? {} : { timeout });
      cancelIdle = () => cancelIdleCallback(id);
    } else {
      const timer = setTimeout(run, 0);
      cancelIdle = () => clearTimeout(timer);
    }
  };
  if (after <= 0) {
    waitIdle();
    return () => cancelIdle();
  }
  const delay = setTimeout(waitIdle, after);
  return () => {
    clearTimeout(delay);
    cancelIdle();
  };
}
