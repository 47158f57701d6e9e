import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from './when-idle';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('whenIdle', () => {
  it('waits `after` ms, then runs when the browser is idle, with the given timeout', () => {
    vi.useFakeTimers();
    const idle = vi.fn((cb: () => void, opts: { timeout: number }) => setTimeout(cb, opts.timeout));
    vi.stubGlobal('requestIdleCallback', idle);
    vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id));
    const run = vi.fn();
    whenIdle(run, { after: 1000, timeout: 300 });
    vi.advanceTimersByTime(999);
    expect(idle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(idle).toHaveBeenCalledWith(expect.any(Function), { timeout: 300 });
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('without a timeout, waits for idle time only', () => {
    const idle = vi.fn((_cb: () => void, _opts: object) => 7);
    vi.stubGlobal('requestIdleCallback', idle);
    const run = vi.fn();
    whenIdle(run, {});
    expect(idle).toHaveBeenCalledWith(expect.any(Function), {});
    expect(run).not.toHaveBeenCalled();
    idle.mock.calls[0]![0]();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('never runs once cancelled, in either wait, and falls back to a timer without requestIdleCallback', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', undefined);
    const run = vi.fn();
    whenIdle(run, { after: 500, timeout: 2000 })();
    const cancelLater = whenIdle(run, { after: 500, timeout: 2000 });
    vi.advanceTimersByTime(500);
    cancelLater();
    vi.advanceTimersByTime(5000);
    expect(run).not.toHaveBeenCalled();
    whenIdle(run, { timeout: 2000 });
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
