// The /api routes: health, enrollment, push and pull. Every body and query is parsed by the shared wire
// schemas; every sync route is authenticated and scoped to the device's market.
import { Hono } from 'hono';
import {
  EnrollRequestSchema,
  PullQuerySchema,
  PushRequestSchema,
  type EnrollResponse,
  type Market,
  type PullResponse,
} from '../../domain';
import { hashEnrollmentCode, newDeviceId, newDeviceToken, sha256 } from '../auth/secrets';
import type { Storage } from '../storage/storage';
import { pushChanges } from '../sync/push';
import { PushArrivals } from '../sync/push-arrivals';
import { requireDevice, type AuthEnv } from './auth';
import { readJson, readQuery } from './body';
import { HttpError } from './http-error';
import { rateLimit } from './rate-limit';

export interface ApiOptions {
  enrollLimitPerMinute: number;
  trustProxy: boolean;
}

const CODE_ERRORS = {
  unknown: [
    'This enrollment code is not valid: check it and try again',
    '등록 코드가 맞지 않습니다. 확인하고 다시 입력하세요',
  ],
  expired: [
    'This enrollment code has expired: ask an administrator for a new one',
    '등록 코드가 만료되었습니다. 관리자에게 새 코드를 받으세요',
  ],
  used: [
    'This enrollment code was already used: each code works once',
    '이미 사용된 등록 코드입니다. 코드는 한 번만 쓸 수 있습니다',
  ],
} as const;

export function apiRoutes(storage: Storage, opts: ApiOptions): Hono {
  const api = new Hono();

  api.get('/health', (c) => c.json({ ok: true, storage: storage.dialect }));

  api.post(
    '/enroll',
    rateLimit({ limit: opts.enrollLimitPerMinute, windowMs: 60_000, trustProxy: opts.trustProxy }),
    async (c) => {
      const body = await readJson(c, EnrollRequestSchema);
      const token = newDeviceToken();
      const device = { id: newDeviceId(), name: body.deviceName, tokenHash: sha256(token) };
      const redeemed = await storage.redeemEnrollmentCode(
        hashEnrollmentCode(body.code),
        new Date().toISOString(),
        device,
      );
      if (!redeemed.ok) {
        const [en, ko] = CODE_ERRORS[redeemed.reason];
        throw new HttpError(401, `code_${redeemed.reason}`, en, ko);
      }
      const market = await storage.getRecord('market', redeemed.marketId);
      const res: EnrollResponse = {
        deviceId: device.id,
        token,
        marketId: redeemed.marketId,
        marketName: (market?.data as Market | undefined)?.name ?? '',
      };
      return c.json(res);
    },
  );

  const sync = new Hono<AuthEnv>();
  sync.use('*', requireDevice(storage));
  const arrivals = new PushArrivals();
  sync.post('/push', async (c) => {
    const device = c.get('device');
    // Open from before its body is read: a push naming one of its changes waits for it (push-arrivals.ts).
    const arrival = arrivals.arrive(device.marketId);
    try {
      const body = await readJson(c, PushRequestSchema);
      const ctx = { marketId: device.marketId, deviceId: device.id };
      return c.json(await pushChanges(storage, ctx, body.changes, body.after, arrival));
    } finally {
      arrival.leave();
    }
  });
  sync.get('/pull', async (c) => {
    const q = readQuery(c, PullQuerySchema);
    const page = await storage.pull(c.get('device').marketId, q.since, q.limit);
    const res: PullResponse = {
      records: page.records.map((r) => ({ entity: r.entity, id: r.id, data: r.data, clocks: r.clocks, seq: r.seq })),
      cursor: page.cursor,
      hasMore: page.hasMore,
    };
    return c.json(res);
  });
  api.route('/sync', sync);
  return api;
}
