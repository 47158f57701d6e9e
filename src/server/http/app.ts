// The whole HTTP application: security headers everywhere, CORS and JSON errors on /api, the PWA beside it.
import { Hono } from 'hono';
import type { Storage } from '../storage/storage';
import { apiRoutes } from './api-routes';
import { apiNotFound, onError } from './errors';
import { apiCors, securityHeaders } from './security';
import { serveApp } from './static-files';

export interface AppOptions {
  distDir: string;
  allowedOrigins: string[];
  log: boolean;
  enrollLimitPerMinute?: number;
  trustProxy?: boolean;
}

export function createApp(storage: Storage, opts: AppOptions): Hono {
  const app = new Hono();
  app.use('*', securityHeaders(opts.allowedOrigins));
  app.use('/api/*', apiCors(opts.allowedOrigins));
  app.route(
    '/api',
    apiRoutes(storage, { enrollLimitPerMinute: opts.enrollLimitPerMinute ?? 10, trustProxy: opts.trustProxy ?? false }),
  );
  app.all('/api/*', apiNotFound);
  app.all('/api', apiNotFound);
  const serve = serveApp(opts.distDir);
  app.get('*', serve);
  app.on('HEAD', '*', serve);
  app.onError(onError(opts.log));
  app.notFound((c) => (c.req.path.startsWith('/api') ? apiNotFound(c) : c.text('Not found', 404)));
  return app;
}
