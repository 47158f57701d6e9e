// A plain static file server for the floor page's build (SPA fallback to index.html), on a port of its own.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

export async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const clean = path.normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    const file = path.join(dir, clean === '/' ? 'index.html' : clean);
    readFile(file)
      .then((body) => ({ body, type: TYPES[path.extname(file)] ?? 'application/octet-stream' }))
      .catch(async () => ({ body: await readFile(path.join(dir, 'index.html')), type: TYPES['.html']! }))
      .then(({ body, type }) => {
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
        res.end(body);
      })
      .catch(() => {
        res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
