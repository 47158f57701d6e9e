// Enrollment (issue 3.4): a one-time code from an administrator buys this tablet a device token for one
// market. Demo data is never sent: it is wiped when the enrollment is stored (the form warns first).
import { EnrollRequestSchema, EnrollResponseSchema } from '../../domain';
import { readDemoState, storeEnrollment } from '../db/repos/sync-repo';
import { apiUrl, request } from './http';
import type { SyncDeps } from './types';

export type EnrollErrorKind =
  | 'bad_input' // code or device name missing / malformed: nothing was sent
  | 'bad_server_url'
  | 'demo_unconfirmed' // demo data is loaded and the tutor has not agreed to drop it
  | 'invalid_code' // wrong, used or expired code
  | 'rate_limited'
  | 'unreachable'
  | 'server';

export class EnrollError extends Error {
  constructor(
    readonly kind: EnrollErrorKind,
    message: string,
    readonly messageKo?: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'EnrollError';
  }
}

export interface EnrollInput {
  code: string;
  deviceName: string;
  /** Another server than the app's own origin. */
  serverUrl?: string;
  /** Required when demo data is loaded: the tutor agreed that demo data and demo changes are removed. */
  discardDemo?: boolean;
}

export interface EnrollResult {
  marketId: string;
  marketName: string;
  wipedDemo: boolean;
}

function normaliseServerUrl(raw: string | undefined): string {
  const value = (raw ?? '').trim();
  if (!value) return '';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new EnrollError('bad_server_url', `Not a web address: ${value}`, `인터넷 주소가 아닙니다: ${value}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new EnrollError(
      'bad_server_url',
      'The address must start with https://',
      '주소는 https:// 로 시작해야 합니다',
    );
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

export async function enrollDevice(
  deps: Pick<SyncDeps, 'db' | 'fetch' | 'now'>,
  input: EnrollInput,
): Promise<EnrollResult> {
  const parsed = EnrollRequestSchema.safeParse({ code: input.code, deviceName: input.deviceName });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'code');
    throw new EnrollError(
      'bad_input',
      `Check the ${field}`,
      field === 'code' ? '등록 코드를 확인해 주세요' : '태블릿 이름을 확인해 주세요',
    );
  }
  const serverUrl = normaliseServerUrl(input.serverUrl);
  const demo = await readDemoState(deps.db);
  if (demo.demo && !input.discardDemo) {
    throw new EnrollError('demo_unconfirmed', 'Demo data would be removed', '체험용 자료가 지워집니다');
  }
  const res = await request({
    fetch: deps.fetch,
    now: deps.now,
    url: apiUrl(serverUrl, '/api/enroll'),
    method: 'POST',
    body: parsed.data,
    schema: EnrollResponseSchema,
  });
  if (!res.ok) {
    const { error } = res;
    if (error.kind === 'network') throw new EnrollError('unreachable', error.message ?? 'unreachable');
    if (error.kind === 'rate_limited')
      throw new EnrollError('rate_limited', error.message ?? 'rate limited', error.messageKo, res.retryAfterMs);
    if (error.kind === 'server' || error.kind === 'bad_response') {
      throw new EnrollError('server', error.message ?? `HTTP ${error.status ?? '?'}`, error.messageKo);
    }
    throw new EnrollError('invalid_code', error.message ?? 'invalid code', error.messageKo);
  }
  const { wipedDemo } = await storeEnrollment(deps.db, {
    token: res.body.token,
    marketId: res.body.marketId,
    serverUrl,
  });
  return { marketId: res.body.marketId, marketName: res.body.marketName, wipedDemo };
}
