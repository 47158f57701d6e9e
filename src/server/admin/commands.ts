// Administrator commands (markets, enrollment codes, devices, tutors): one library used by the command
// line (cli.ts), the server's first start (main.ts) and tests.
import { randomUUID } from 'node:crypto';
import type { Market, Tutor } from '../../domain';
import { hashEnrollmentCode, newEnrollmentCode } from '../auth/secrets';
import { AdminError, checkRecord, writeServerRecords } from '../server-writes';
import type { Device, Storage } from '../storage/storage';

export { AdminError };

export interface CreateMarketInput {
  name: string;
  type: string;
  schedule: string;
  /** A 5일장's market days (1·6 … 5·10); none for a daily market. */
  marketDays?: string;
  address?: string;
  demo?: boolean;
  /** Defaults to a fresh id. */
  id?: string;
}

function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

export async function createMarket(storage: Storage, input: CreateMarketInput): Promise<Market> {
  const id = input.id ?? newId('mkt');
  const market = checkRecord('market', {
    id,
    marketId: id,
    updatedAt: new Date().toISOString(),
    updatedBy: null,
    deleted: false,
    name: input.name,
    type: input.type,
    schedule: input.schedule,
    marketDays: input.marketDays ?? '',
    address: input.address ?? '',
    demo: input.demo ?? false,
    autoLockMinutes: 5,
  });
  await writeServerRecords(storage, id, [{ entity: 'market', data: market }]);
  return market;
}

export async function listMarkets(storage: Storage): Promise<Market[]> {
  const rows = await storage.listRecords('market');
  return rows.filter((r) => !r.deleted).map((r) => r.data as unknown as Market);
}

async function requireMarket(storage: Storage, marketId: string): Promise<Market> {
  const rec = await storage.getRecord('market', marketId);
  if (!rec || rec.deleted) {
    throw new AdminError(`No market with id "${marketId}"`, `"${marketId}" 시장이 없습니다`);
  }
  return rec.data as unknown as Market;
}

export async function createEnrollmentCode(
  storage: Storage,
  marketId: string,
  ttlMinutes = 60,
): Promise<{ code: string; expiresAt: string }> {
  await requireMarket(storage, marketId);
  if (!Number.isInteger(ttlMinutes) || ttlMinutes < 1 || ttlMinutes > 7 * 24 * 60) {
    throw new AdminError(
      'ttlMinutes must be a whole number from 1 to 10080 (one week)',
      '유효 시간(분)은 1에서 10080(일주일) 사이의 정수여야 합니다',
    );
  }
  const code = newEnrollmentCode();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlMinutes * 60_000).toISOString();
  await storage.saveEnrollmentCode(hashEnrollmentCode(code), marketId, now.toISOString(), expiresAt);
  return { code, expiresAt };
}

export async function listDevices(storage: Storage, marketId: string): Promise<Device[]> {
  await requireMarket(storage, marketId);
  return storage.listDevices(marketId);
}

export async function revokeDevice(storage: Storage, deviceId: string): Promise<void> {
  const ok = await storage.revokeDevice(deviceId, new Date().toISOString());
  if (!ok) throw new AdminError(`No device with id "${deviceId}"`, `"${deviceId}" 기기가 없습니다`);
}

export interface CreateTutorInput {
  marketId: string;
  name: string;
  role: string;
  id?: string;
}

export async function createTutor(storage: Storage, input: CreateTutorInput): Promise<Tutor> {
  await requireMarket(storage, input.marketId);
  const tutor = checkRecord('tutor', {
    id: input.id ?? newId('tut'),
    marketId: input.marketId,
    updatedAt: new Date().toISOString(),
    updatedBy: null,
    deleted: false,
    name: input.name,
    role: input.role,
    active: true,
    pinHash: null,
    pinSalt: null,
    pinIterations: 0,
    locked: false,
  });
  await writeServerRecords(storage, input.marketId, [{ entity: 'tutor', data: tutor }]);
  return tutor;
}
