// Serves the built PWA: the app shell and service worker are revalidated on every load (no-cache) so an
// update is seen; content-hashed /assets/* are cached for a year; other navigations get index.html (SPA).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

const NO_CACHE = new Set(['index.html', 'sw.js', 'registerSW.js', 'manifest.webmanifest']);

function cacheControl(rel: string): string {
  if (NO_CACHE.has(rel) || /^workbox-[\w-]+\.js$/.test(rel)) return 'no-cache';
  if (rel.startsWith('assets/')) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

async function readFileIn(root: string, rel: string): Promise<Buffer | undefined> {
  const full = path.resolve(root, rel);
  if (full !== root && !full.startsWith(root + path.sep)) return undefined;
  try {
    const stat = await fs.stat(full);
    return stat.isFile() ? await fs.readFile(full) : undefined;
  } catch {
    return undefined;
  }
}

function send(c: Context, rel: string, body: Buffer) {
  const type = TYPES[path.extname(rel).toLowerCase()] ?? 'application/octet-stream';
  c.header('Content-Type', type);
  c.header('Cache-Control', cacheControl(rel));
  if (c.req.method === 'HEAD') return c.body(null, 200);
  return c.body(new Uint8Array(body), 200);
}

export function serveApp(distDir: string) {
  const root = path.resolve(distDir);
  return async (c: Context) => {
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path).replace(/^\/+/, '');
    } catch {
      return c.text('Bad path', 400);
    }
    if (rel === '') rel = 'index.html';
    const file = await readFileIn(root, rel);
    if (file) return send(c, rel, file);
    // A missing hashed asset must 404, not return HTML that the browser would try to run as a script.
    if (rel.startsWith('assets/') || path.extname(rel) !== '') return c.text('Not found', 404);
    const index = await readFileIn(root, 'index.html');
    if (index) return send(c, 'index.html', index);
    return c.text('The app is not built yet: run "npm run build" (앱이 아직 빌드되지 않았습니다)', 503);
  };
}
