// Draws the Dangol mark (a market stall with a striped awning and a check) as SVG and renders the PNG icons
// with Debian's Chromium. Run `node scripts/render-icons.mjs` after changing the mark; the outputs are committed.
import { writeFile, mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { launchOptions } from './chromium.mjs';

const GREEN = '#0b5d3b';
const YELLOW = '#f4c542';

/** The stall mark on a 512 square; `scale` shrinks it about the centre (maskable icons keep a safe zone). */
function mark({ rounded, scale }) {
  const stripes = [0, 1, 2, 3, 4]
    .map((i) => `<rect x="${116 + i * 56}" y="156" width="56" height="80" fill="${i % 2 ? YELLOW : '#fff'}"/>`)
    .join('');
  const scallops = [0, 1, 2, 3, 4]
    .map((i) => `<circle cx="${144 + i * 56}" cy="236" r="28" fill="${i % 2 ? YELLOW : '#fff'}"/>`)
    .join('');
  const bg = rounded
    ? `<rect width="512" height="512" rx="112" fill="${GREEN}"/>`
    : `<rect width="512" height="512" fill="${GREEN}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <title>단골 Dangol</title>
  ${bg}
  <g transform="translate(256 266) scale(${scale}) translate(-256 -266)">
    <rect x="108" y="128" width="296" height="30" rx="15" fill="#fff"/>
    ${stripes}${scallops}
    <rect x="140" y="262" width="18" height="40" fill="#fff"/>
    <rect x="354" y="262" width="18" height="40" fill="#fff"/>
    <rect x="124" y="296" width="264" height="108" rx="18" fill="#fff"/>
    <path d="M206 350 l32 32 l70 -70" fill="none" stroke="${GREEN}" stroke-width="26" stroke-linecap="round" stroke-linejoin="round"/>
  </g>
</svg>
`;
}

const OUT = [
  { file: 'public/icons/icon-192.png', size: 192, rounded: true, scale: 1 },
  { file: 'public/icons/icon-512.png', size: 512, rounded: true, scale: 1 },
  // Maskable: full bleed, drawing inside the central 80 % circle.
  { file: 'public/icons/icon-maskable-512.png', size: 512, rounded: false, scale: 0.78 },
  // iOS rounds the corners itself and shows transparency as black: full bleed.
  { file: 'public/apple-touch-icon.png', size: 180, rounded: false, scale: 0.9 },
];

await mkdir('public/icons', { recursive: true });
await writeFile('public/favicon.svg', mark({ rounded: true, scale: 1 }));

const browser = await chromium.launch(launchOptions());
try {
  for (const o of OUT) {
    const page = await browser.newPage({ viewport: { width: o.size, height: o.size } });
    const svg = mark(o).replace('width="512" height="512"', `width="${o.size}" height="${o.size}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.screenshot({ path: o.file, omitBackground: true, clip: { x: 0, y: 0, width: o.size, height: o.size } });
    await page.close();
    console.log(`wrote ${o.file}`);
  }
} finally {
  await browser.close();
}
