// The navigation warm-up after start (warm-navigation.tsx): one tap in a detached router, which must show both of
// its screens and leave nothing in the page or the app's history — nor count as the tutor's tap (main.tsx listens
// for clicks on the window).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warmNavigation } from './warm-navigation';

describe('the navigation warm-up after start', () => {
  // It renders and navigates on its own, as in the app, outside React's `act`: no warnings for that here.
  const env = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  let before: boolean | undefined;
  beforeAll(() => {
    before = env.IS_REACT_ACT_ENVIRONMENT;
    env.IS_REACT_ACT_ENVIRONMENT = false;
  });
  afterAll(() => {
    env.IS_REACT_ACT_ENVIRONMENT = before;
  });

  it('navigates once off-page and leaves the page and its history as they were', async () => {
    const before = document.body.innerHTML;
    const url = window.location.href;
    const entries = window.history.length;
    let pageClicks = 0;
    const onClick = () => void pageClicks++;
    window.addEventListener('click', onClick, { capture: true });
    let shown: string[];
    try {
      shown = await warmNavigation();
    } finally {
      window.removeEventListener('click', onClick, { capture: true });
    }
    expect(pageClicks).toBe(0);
    // The first screen (its deferred part may render before the click, in the task between), then the second with
    // its deferred part.
    expect(shown[0]).toBe('/w/a');
    expect(shown.slice(-2)).toEqual(['/w/b', '/w/b (rest)']);
    expect(document.body.innerHTML).toBe(before);
    expect(window.location.href).toBe(url);
    expect(window.history.length).toBe(entries);
  });

  it('leaves the click out when the tutor has tapped by then', async () => {
    const before = document.body.innerHTML;
    const shown = await warmNavigation(() => true);
    expect(shown[0]).toBe('/w/a');
    expect(shown).not.toContain('/w/b');
    expect(document.body.innerHTML).toBe(before);
  });
});
