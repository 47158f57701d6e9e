// Device authentication for /api/sync/*: a Bearer token, looked up by its SHA-256 hash. Unknown token ->
// 401 'unauthorized'; revoked device -> 401 'device_revoked' (the app tells the tutor in plain words).
import type { MiddlewareHandler } from 'hono';
import { sha256 } from '../auth/secrets';
import type { Device, Storage } from '../storage/storage';
import { HttpError } from './http-error';

export type AuthEnv = { Variables: { device: Device } };

/** last_seen_at is written at most this often per device, so pulls stay read-only in the common case. */
const TOUCH_EVERY_MS = 60_000;

export function requireDevice(storage: Storage): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/.exec(c.req.header('authorization') ?? '');
    const device = match?.[1] ? await storage.findDeviceByTokenHash(sha256(match[1])) : undefined;
    if (!device) {
      throw new HttpError(
        401,
        'unauthorized',
        'This tablet is not enrolled (unknown device token): enroll it with a new code',
        '등록되지 않은 태블릿입니다(알 수 없는 기기 토큰). 새 등록 코드로 등록하세요',
      );
    }
    if (device.revokedAt !== null) {
      throw new HttpError(
        401,
        'device_revoked',
        'This tablet was removed from the market by an administrator; it can no longer sync',
        '관리자가 이 태블릿을 시장에서 해제했습니다. 더 이상 동기화할 수 없습니다',
      );
    }
    const now = new Date();
    if (!device.lastSeenAt || now.getTime() - Date.parse(device.lastSeenAt) > TOUCH_EVERY_MS) {
      await storage.touchDevice(device.id, now.toISOString());
    }
    c.set('device', device);
    await next();
  };
}
