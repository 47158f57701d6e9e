// The administrator's command line: `npm run admin -- <command> [--option value]`. Uses the same storage
// configuration as the server (DATABASE_URL, DATA_DIR). Exit codes: 0 done, 1 failed, 2 usage error.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MARKET_DAYS, MARKET_SCHEDULES, MARKET_TYPES, TUTOR_ROLES } from '../../domain';
import { openStorage } from '../storage/open-storage';
import type { Storage } from '../storage/storage';
import { AdminError } from '../server-writes';
import { createEnrollmentCode, createMarket, createTutor, listDevices, listMarkets, revokeDevice } from './commands';

const USAGE = `단골 관리 명령 / Dangol admin

사용법 / Usage: npm run admin -- <command> [options]

  markets:list                                  시장 목록 / list markets
  market:create --name <이름> --type <${MARKET_TYPES.join('|')}> --schedule <${MARKET_SCHEDULES.join('|')}> [--address <주소>]
                [--market-days <${MARKET_DAYS.join('|')}>]   (5일장의 장날 / market days; 2-7 = 2·7)
                                                시장 만들기 / create a market
  code:create --market <id> [--ttl-minutes 60]  일회용 등록 코드 / one-time enrollment code
  devices:list --market <id>                    태블릿 목록 / list enrolled tablets
  device:revoke --device <id>                   태블릿 해제 / revoke a tablet
  tutor:create --market <id> --name <이름> --role <${TUTOR_ROLES.join('|')}>
                                                튜터 추가 / add a tutor

환경 / Environment: DATABASE_URL=postgres://... (PostgreSQL) or DATA_DIR (SQLite folder, default ./data)
`;

class UsageError extends Error {}

type Opts = Record<string, string | undefined>;

function need(opts: Opts, name: string): string {
  const v = opts[name];
  if (v === undefined || v.trim() === '') throw new UsageError(`--${name} is required (--${name} 값이 필요합니다)`);
  return v;
}

async function run(storage: Storage, command: string, o: Opts, io: CliIo): Promise<void> {
  switch (command) {
    case 'markets:list': {
      const markets = await listMarkets(storage);
      if (markets.length === 0) io.out('시장이 없습니다 / No markets yet');
      for (const m of markets) {
        const days = m.marketDays ? ` ${m.marketDays}` : '';
        io.out(`${m.id}\t${m.name}\t${m.type}\t${m.schedule}${days}${m.demo ? '\t(demo)' : ''}`);
      }
      return;
    }
    case 'market:create': {
      const m = await createMarket(storage, {
        name: need(o, 'name'),
        type: need(o, 'type'),
        schedule: need(o, 'schedule'),
        // '2-7' (or 2.7, 2,7) for 2·7: the middle dot is hard to type on a command line.
        marketDays: o['market-days']?.trim().replace(/^(\d+)\s*[-.,/·]\s*(\d+)$/, '$1·$2'),
        address: o.address,
      });
      io.out(`시장을 만들었습니다 / Market created: ${m.id}\t${m.name}`);
      return;
    }
    case 'code:create': {
      const ttlText = o['ttl-minutes'] ?? '60';
      if (!/^\d+$/.test(ttlText)) throw new UsageError('--ttl-minutes must be a whole number (정수로 입력하세요)');
      const { code, expiresAt } = await createEnrollmentCode(storage, need(o, 'market'), Number(ttlText));
      io.out(`등록 코드 / Enrollment code: ${code}\n유효 / Valid until: ${expiresAt} (한 번만 / once)`);
      return;
    }
    case 'devices:list': {
      const devices = await listDevices(storage, need(o, 'market'));
      if (devices.length === 0) io.out('등록된 태블릿이 없습니다 / No tablets enrolled');
      for (const d of devices) {
        const state = d.revokedAt ? `revoked ${d.revokedAt}` : `active, last seen ${d.lastSeenAt ?? '-'}`;
        io.out(`${d.id}\t${d.name}\t${state}`);
      }
      return;
    }
    case 'device:revoke': {
      const id = need(o, 'device');
      await revokeDevice(storage, id);
      io.out(`태블릿을 해제했습니다 / Device revoked: ${id}`);
      return;
    }
    case 'tutor:create': {
      const t = await createTutor(storage, {
        marketId: need(o, 'market'),
        name: need(o, 'name'),
        role: need(o, 'role'),
      });
      io.out(`튜터를 추가했습니다 / Tutor created: ${t.id}\t${t.name}\t${t.role}`);
      return;
    }
    default:
      throw new UsageError(`Unknown command "${command}" (알 수 없는 명령)`);
  }
}

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** Run one admin command; resolves to the exit code. Exported so tests can run it in-process too. */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CliIo = consoleIo,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        type: { type: 'string' },
        schedule: { type: 'string' },
        'market-days': { type: 'string' },
        address: { type: 'string' },
        market: { type: 'string' },
        'ttl-minutes': { type: 'string' },
        device: { type: 'string' },
        role: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  const command = parsed.positionals[0];
  if (parsed.values.help || !command) {
    if (parsed.values.help) io.out(USAGE);
    else io.err(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  let storage: Storage | undefined;
  try {
    storage = await openStorage({
      databaseUrl: env.DATABASE_URL || undefined,
      dataDir: env.DATA_DIR ?? 'data',
    });
    const { help: _help, ...opts } = parsed.values;
    await run(storage, command, opts as Opts, io);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof AdminError) io.err(`오류 / Error: ${err.messageKo} / ${err.message}`);
    else io.err(`오류 / Error: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await storage?.close();
  }
}

const invokedDirectly = !!process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
