// The Chromium launch of the browser tests and benchmarks (scripts/chromium.mjs) adds features to turn off. Chromium
// reads only the last --disable-features on its command line, so ours must repeat every feature Playwright turns off
// itself (PaintHolding among them: with it a page's first paint waits, which the cold-start benchmark measures).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CHROME_ARGS, PLAYWRIGHT_DISABLED_FEATURES } from '../../scripts/chromium.mjs';

function playwrightsDisabledFeatures(): string[] {
  const pkg = createRequire(import.meta.url).resolve('playwright-core/package.json');
  const bundle = readFileSync(path.join(path.dirname(pkg), 'lib', 'coreBundle.js'), 'utf8');
  const start = bundle.indexOf('disabledFeatures = [') + 'disabledFeatures = ['.length;
  if (start < 'disabledFeatures = ['.length)
    throw new Error("playwright-core's bundle no longer names disabledFeatures: read its chromiumSwitches");
  const list = bundle.slice(start, bundle.indexOf(']', start));
  return [...list.matchAll(/^\s*"([A-Za-z0-9]+)",?\s*$/gm)].map((m) => m[1]!);
}

describe('Chromium launch arguments', () => {
  it('keep every feature Playwright turns off, in the one --disable-features Chromium reads', () => {
    const playwright = playwrightsDisabledFeatures();
    expect(playwright).toContain('PaintHolding');
    expect([...PLAYWRIGHT_DISABLED_FEATURES].sort()).toEqual([...playwright].sort());
    const switches = CHROME_ARGS.filter((a: string) => a.startsWith('--disable-features='));
    expect(switches).toHaveLength(1);
    const ours = switches[0]!.slice('--disable-features='.length).split(',');
    for (const f of [...playwright, 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']) expect(ours).toContain(f);
  });
});
