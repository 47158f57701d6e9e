// Initial JavaScript of a build: the module entry and every modulepreload link in index.html, gzipped.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export async function initialJsGzip(dist: string): Promise<{ files: string[]; rawBytes: number; gzipBytes: number }> {
  const html = await readFile(path.join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]!);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const f of new Set(files)) {
    const body = await readFile(path.join(dist, f.replace(/^\//, '')));
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { files: [...new Set(files)], rawBytes, gzipBytes };
}
