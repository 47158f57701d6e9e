// @vitest-environment node
// The HTTP surface: bad requests get clear 4xx JSON errors and change nothing; body size limit by header
// and by streamed bytes; the built PWA is served with the right cache headers, CSP and SPA fallback; CORS
// only for ALLOWED_ORIGINS.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, type ErrorBody } from '../../src/domain';
import { enroll, stallFields, tempDir, useServer, type TestDevice } from './harness';

const dist = tempDir('dangol-dist-');
fs.mkdirSync(path.join(dist, 'assets'));
fs.writeFileSync(
  path.join(dist, 'index.html'),
  '<!doctype html><title>단골</title><script type="module" src="/assets/app-1a2b.js"></script>',
);
fs.writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
fs.writeFileSync(path.join(dist, 'registerSW.js'), '/* register */');
fs.writeFileSync(path.join(dist, 'manifest.webmanifest'), '{"name":"단골"}');
fs.writeFileSync(path.join(dist, 'assets', 'app-1a2b.js'), 'console.log(1)');
fs.writeFileSync(path.join(dist, 'assets', 'app-1a2b.css'), 'body{}');
fs.writeFileSync(path.join(path.dirname(dist), 'secret-outside.txt'), 'secret');

const ORIGIN = 'https://tablet.example.org';

async function errorOf(res: Response): Promise<ErrorBody['error']> {
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  return ((await res.json()) as ErrorBody).error;
}

/** A push whose body is streamed in chunks with no Content-Length (Transfer-Encoding: chunked). */
function streamedPush(url: string, token: string, bytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/api/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err),
    );
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const write = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

describe('HTTP surface', () => {
  const fx = useServer('sqlite', { distDir: dist, allowedOrigins: [ORIGIN] });
  let dev: TestDevice;
  beforeAll(async () => {
    dev = await enroll(fx.get().server, fx.get().marketId);
  });
  const send = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${fx.get().server.url}/api/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${dev.token}`, 'content-type': 'application/json', ...headers },
      body,
    });

  it('answers malformed JSON with 400 bad_json', async () => {
    const res = await send('{"changes": [');
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: 'bad_json', messageKo: expect.any(String) });
  });

  it('answers wrong types with 400 naming the field, and applies nothing', async () => {
    const good = dev.change({ entity: 'stall', recordId: 'h-s1', fields: stallFields('좋은가게') });
    const bad = { ...dev.change({ entity: 'stall', recordId: 'h-s2', fields: {} }), op: 42 };
    const res = await send(JSON.stringify({ changes: [good, bad] }));
    expect(res.status).toBe(400);
    const err = await errorOf(res);
    expect(err.code).toBe('invalid_request');
    expect(err.message).toContain('changes.1.op');
    expect((await dev.pull()).records.map((r) => r.id)).not.toContain('h-s1');

    const enrollRes = await fetch(`${fx.get().server.url}/api/enroll`, { method: 'POST', body: '{"code": 5}' });
    expect(enrollRes.status).toBe(400);
    expect((await errorOf(enrollRes)).message).toContain('code');
    const pull = await fetch(`${fx.get().server.url}/api/sync/pull?since=-3`, {
      headers: { authorization: `Bearer ${dev.token}` },
    });
    expect(pull.status).toBe(400);
    expect((await errorOf(pull)).message).toContain('since');
  });

  it('answers an oversized body with 413, whether declared by Content-Length or only streamed', async () => {
    const big = JSON.stringify({ changes: [], pad: 'x'.repeat(MAX_BODY_BYTES) });
    const declared = await send(big);
    expect(declared.status).toBe(413);
    expect((await errorOf(declared)).code).toBe('too_large');
    const streamed = await streamedPush(fx.get().server.url, dev.token, MAX_BODY_BYTES + 256 * 1024);
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ error: { code: 'too_large' } });
  });

  it('answers an unknown API route with 404 JSON and reports health', async () => {
    const res = await fetch(`${fx.get().server.url}/api/nope`);
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found');
    const health = await fetch(`${fx.get().server.url}/api/health`);
    expect(await health.json()).toEqual({ ok: true, storage: 'sqlite' });
  });

  it('serves the PWA: shell and service worker no-cache, hashed assets immutable, SPA fallback', async () => {
    const get = (p: string) => fetch(`${fx.get().server.url}${p}`);
    for (const p of ['/', '/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest']) {
      expect((await get(p)).headers.get('cache-control'), p).toBe('no-cache');
    }
    expect((await get('/sw.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await get('/manifest.webmanifest')).headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const asset = await get('/assets/app-1a2b.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/assets/app-1a2b.css')).headers.get('content-type')).toMatch(/^text\/css/);
    const deep = await get('/stalls/s-12/notes');
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await deep.text()).toContain('<title>단골</title>');
    expect((await get('/assets/missing-9z.js')).status).toBe(404);
    expect((await get('/%2e%2e/secret-outside.txt')).status).toBe(404);
    expect(await (await get('/..%2fsecret-outside.txt')).text()).not.toBe('secret');
  });

  it('sends a CSP the app runs under and the other security headers, on pages and API alike', async () => {
    for (const p of ['/', '/api/health', '/api/nope']) {
      const res = await fetch(`${fx.get().server.url}${p}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain(`connect-src 'self' ${ORIGIN}`);
      expect(csp).toContain("worker-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('permissions-policy')).toContain('camera=()');
    }
  });

  it('allows CORS only for ALLOWED_ORIGINS', async () => {
    const pre = (origin: string) =>
      fetch(`${fx.get().server.url}/api/sync/pull`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const ok = await pre(ORIGIN);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect((await pre('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
