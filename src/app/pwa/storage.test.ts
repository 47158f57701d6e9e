// Persistent storage: asked for once, and its answer with usage and quota reported for the Settings screen.
import { renderHook, waitFor, act } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useStorageStatus } from './storage';

function fakeStorage(opts: { persisted: boolean; grant: boolean }) {
  let persisted = opts.persisted;
  const sm = {
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => {
      persisted = opts.grant;
      return opts.grant;
    }),
    estimate: vi.fn(async () => ({ usage: 1_234_567, quota: 50_000_000 })),
  };
  Object.defineProperty(navigator, 'storage', { value: sm, configurable: true });
  return sm;
}

afterEach(() => {
  Object.defineProperty(navigator, 'storage', { value: undefined, configurable: true });
});

describe('useStorageStatus', () => {
  it('reports persistence, usage and quota', async () => {
    fakeStorage({ persisted: false, grant: true });
    const { result } = renderHook(() => useStorageStatus());
    await waitFor(() => expect(result.current.quota).toBe(50_000_000));
    expect(result.current.usage).toBe(1_234_567);
    expect(result.current.persisted).toBe(false);
  });

  it('asks again on request and shows the new answer', async () => {
    const sm = fakeStorage({ persisted: false, grant: true });
    const { result } = renderHook(() => useStorageStatus());
    await waitFor(() => expect(result.current.persisted).toBe(false));
    let granted = false;
    await act(async () => {
      granted = await result.current.request();
    });
    expect(granted).toBe(true);
    expect(sm.persist).toHaveBeenCalled();
    expect(result.current.persisted).toBe(true);
  });

  it('says unknown when the browser has no Storage API', async () => {
    Object.defineProperty(navigator, 'storage', { value: undefined, configurable: true });
    const { result } = renderHook(() => useStorageStatus());
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(result.current).toMatchObject({ persisted: null, usage: null, quota: null });
    let granted: boolean | undefined;
    await act(async () => {
      granted = await result.current.request();
    });
    expect(granted).toBe(false);
  });
});
