// Which stall the 점포 screen has open, for the list's rows: one small store per screen, which each row reads for
// itself. With the open stall handed to the list as a prop, every opening re-rendered the whole list — its hooks,
// the virtualizer, every visible row's element — before the detail (performance marks at CPU 4x: 6–12 ms of an
// opening's render, bench 4c); now only the two rows whose selection changed re-render.
import { createContext, useContext, useSyncExternalStore } from 'react';

export interface StallSelection {
  get(): string | undefined;
  set(stallId: string | undefined): void;
  subscribe(listener: () => void): () => void;
}

export function createStallSelection(initial?: string): StallSelection {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(stallId) {
      if (stallId === current) return;
      current = stallId;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const StallSelectionContext = createContext<StallSelection | null>(null);

const NONE: StallSelection = createStallSelection();

/** Whether `stallId` is the stall the screen has open (false without a screen's selection above). */
export function useIsSelected(stallId: string): boolean {
  const selection = useContext(StallSelectionContext) ?? NONE;
  return useSyncExternalStore(selection.subscribe, () => selection.get() === stallId);
}
