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
