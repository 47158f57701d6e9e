import { afterEach, describe, expect, it, vi } from 'vitest';
import { LONG_IDLE_MS, whenIdle } from './when-idle';

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

  it('with `quiet`, runs only after a quiet spell since the last tap, in a long idle period', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const calls: ((deadline: { timeRemaining: () => number }) => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: (typeof calls)[number]) => calls.push(cb));
    const idle = (left: number) => calls.shift()!({ timeRemaining: () => left });
    const run = vi.fn();
    vi.advanceTimersByTime(5000);
    whenIdle(run, { quiet: 1000 });
    window.dispatchEvent(new Event('pointerdown'));
    idle(50); // right after a tap: wait out the quiet spell
    expect(run).not.toHaveBeenCalled();
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(999);
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(1);
    idle(LONG_IDLE_MS - 1); // quiet now, but a short gap between frames: look again later
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    window.dispatchEvent(new Event('keydown'));
    idle(50); // a key was pressed meanwhile
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    idle(LONG_IDLE_MS);
    expect(run).toHaveBeenCalledTimes(1);
    expect(calls).toHaveLength(0);
  });

  it('a quiet wait never runs once cancelled, even while it waits out a quiet spell', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const calls: ((deadline: { timeRemaining: () => number }) => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: (typeof calls)[number]) => calls.push(cb));
    vi.stubGlobal('cancelIdleCallback', () => calls.splice(0));
    const run = vi.fn();
    vi.advanceTimersByTime(5000);
    const cancel = whenIdle(run, { quiet: 500 });
    window.dispatchEvent(new Event('click'));
    calls.shift()!({ timeRemaining: () => 50 });
    cancel();
    vi.advanceTimersByTime(5000);
    expect(calls).toHaveLength(0);
    expect(run).not.toHaveBeenCalled();
  });

  it('a quiet wait with a timeout runs by then even if the page is never quiet', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const calls: { cb: (deadline: { timeRemaining: () => number }) => void; timeout?: number }[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: (typeof calls)[number]['cb'], opts: { timeout?: number }) =>
      calls.push({ cb, timeout: opts.timeout }),
    );
    const run = vi.fn();
    vi.advanceTimersByTime(5000);
    whenIdle(run, { quiet: 1000, timeout: 3000 });
    expect(calls[0]?.timeout).toBe(3000);
    // A tap every half second and only short idle gaps: never quiet, never long.
    for (let t = 0; t < 2500; t += 500) {
      window.dispatchEvent(new Event('pointerdown'));
      while (calls.length > 0) calls.shift()!.cb({ timeRemaining: () => 10 });
      vi.advanceTimersByTime(500);
    }
    expect(run).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('pointerdown'));
    while (calls.length === 0) vi.advanceTimersByTime(10);
    // The later waits ask the browser for what is left of the 3 s, not 3 s again.
    expect(calls[0]!.timeout).toBeLessThanOrEqual(500);
    vi.advanceTimersByTime(500);
    calls.shift()!.cb({ timeRemaining: () => 10 });
    expect(run).toHaveBeenCalledTimes(1);
  });
});

describe('whenIdle with `quiet` on a page nobody has touched yet', () => {
  it('waits for a quiet spell counted from when it began waiting, not from page load', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const calls: ((deadline: { timeRemaining: () => number }) => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: (typeof calls)[number]) => calls.push(cb));
    const run = vi.fn();
    vi.advanceTimersByTime(60_000); // long after the last input of any earlier test
    whenIdle(run, { quiet: 1000 });
    calls.shift()!({ timeRemaining: () => 50 }); // a long idle period at once: not quiet long enough yet
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(999);
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(1);
    calls.shift()!({ timeRemaining: () => 50 });
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('counts a scroll (of any element) as the tutor being busy', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const calls: ((deadline: { timeRemaining: () => number }) => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: (typeof calls)[number]) => calls.push(cb));
    const run = vi.fn();
    const box = document.createElement('div');
    document.body.append(box);
    vi.advanceTimersByTime(60_000);
    whenIdle(run, { quiet: 1000 });
    vi.advanceTimersByTime(800);
    box.dispatchEvent(new Event('scroll')); // scroll events do not bubble
    vi.advanceTimersByTime(200);
    while (calls.length > 0) calls.shift()!({ timeRemaining: () => 50 });
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(800);
    while (calls.length > 0) calls.shift()!({ timeRemaining: () => 50 });
    expect(run).toHaveBeenCalledTimes(1);
    box.remove();
  });
});
