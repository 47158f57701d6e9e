// Enroll the app open in a Chromium page as a tablet of the bench market, the way a tutor would end up after
// entering a code: a fresh enrollment code redeemed over HTTP, its token and market written into the app's
// meta store, a tutor signed in. The caller reloads the page to start the app's engine.
import type { Page } from 'playwright-core';
import * as probe from './page-probes';
import type { BenchServer } from './server';

/** `cursor`: where the tablet's pull starts (0 pulls the whole market). */
export async function enrollPage(page: Page, bs: BenchServer, deviceName: string, cursor: number): Promise<void> {
  const code = await bs.enrollmentCode();
  const res = await fetch(`${bs.url}/api/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName }),
  });
  const enrolled = (await res.json()) as { token: string; marketId: string };
  await page.evaluate(
    probe.writeMeta([
      { key: 'demo', value: false },
      { key: 'token', value: enrolled.token },
      { key: 'marketId', value: enrolled.marketId },
      { key: 'serverUrl', value: '' },
      { key: 'cursor', value: cursor },
      { key: 'enrolled', value: true },
      { key: 'tutorId', value: bs.market.tutors[0]!.id },
      { key: 'session.locked', value: false },
      { key: 'session.lastActive', value: Date.now() },
    ]),
  );
}

/** Resolves once the app's pull cursor (meta 'cursor') has reached `seq`: its engine has pulled up to there. */
export async function waitForCursor(page: Page, seq: number, timeoutMs = 600_000): Promise<void> {
  const t0 = performance.now();
  for (;;) {
    const cursor = (await page.evaluate(probe.readMeta('cursor'))) as number | null;
    if (typeof cursor === 'number' && cursor >= seq) return;
    if (performance.now() - t0 > timeoutMs) throw new Error(`Chromium pull stuck at cursor ${cursor} (< ${seq})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
