// Starts the Dangol server: opens (and migrates) storage, seeds the demo market when asked, and serves the
// API and the built PWA. Used by main.ts (npm start) and in-process by tests.
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './http/app';
import { parseAllowedOrigins } from './http/security';
import { seedDemoMarket } from './seed';
import { openStorage } from './storage/open-storage';
import type { Storage } from './storage/storage';

export interface StartOptions {
  /** 0 = a random free port. Default 8080. */
  port?: number;
  host?: string;
  /** postgres://... selects PostgreSQL. */
  databaseUrl?: string;
  /** SQLite file directory, default ./data. */
  dataDir?: string;
  /** The built PWA, default ./dist. */
  distDir?: string;
  seedDemo?: boolean;
  log?: boolean;
  /** Origins allowed by CORS and CSP connect-src; default from ALLOWED_ORIGINS. */
  allowedOrigins?: string[];
  /** Enrollment attempts per client per minute (default 10). */
  enrollLimitPerMinute?: number;
  /** Trust X-Forwarded-For (only behind a proxy you run). Default from TRUST_PROXY=1. */
  trustProxy?: boolean;
  /**
   * Serve HTTPS with this certificate (PEM). Tablets reaching the server by a LAN address need it: browsers
   * give service workers and WebCrypto (PIN hashing) only to secure origins (https, or localhost).
   */
  tls?: { cert: string | Buffer; key: string | Buffer };
}

export interface RunningServer {
  url: string;
  port: number;
  storage: Storage;
  close(): Promise<void>;
}

function listen(server: ServerType): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const addr = server.address();
    if (addr && typeof addr === 'object') return resolve(addr);
    server.once('error', reject);
    server.once('listening', () => resolve(server.address() as AddressInfo));
  });
}

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const storage = await openStorage({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir ?? 'data' });
  try {
    if (opts.seedDemo) await seedDemoMarket(storage);
    const app = createApp(storage, {
      distDir: opts.distDir ?? 'dist',
      allowedOrigins: opts.allowedOrigins ?? parseAllowedOrigins(process.env.ALLOWED_ORIGINS),
      log: opts.log ?? false,
      enrollLimitPerMinute: opts.enrollLimitPerMinute,
      trustProxy: opts.trustProxy ?? process.env.TRUST_PROXY === '1',
    });
    const host = opts.host ?? '127.0.0.1';
    const port = opts.port ?? 8080;
    const server = opts.tls
      ? serve({ fetch: app.fetch, port, hostname: host, createServer: createHttpsServer, serverOptions: opts.tls })
      : serve({ fetch: app.fetch, port, hostname: host });
    const addr = await listen(server);
    const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
    let closed = false;
    return {
      url: `${opts.tls ? 'https' : 'http'}://${shownHost}:${addr.port}`,
      port: addr.port,
      storage,
      async close() {
        if (closed) return;
        closed = true;
        // Let requests in flight finish (a push mid-transaction), then cut whatever is still open.
        await new Promise<void>((resolve) => {
          const force = setTimeout(() => {
            if ('closeAllConnections' in server) server.closeAllConnections();
          }, 5_000);
          server.close(() => {
            clearTimeout(force);
            resolve();
          });
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
        await storage.close();
      },
    };
  } catch (err) {
    await storage.close();
    throw err;
  }
}
