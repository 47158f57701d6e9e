// @vitest-environment node
// The admin command line against a temp SQLite directory: the real entry point is spawned as an
// administrator runs it (node --import tsx src/server/admin/cli.ts) for exit codes and output; the rest of
// the commands run in-process through the same runCli, which is much faster on a busy machine.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/server/admin/cli';
import { startServer } from '../../src/server/start';
import { openStorage } from '../../src/server/storage/open-storage';
import { enroll, tempDir } from './harness';

const dataDir = tempDir('dangol-cli-');
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };

function spawnCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/admin/cli.ts', ...args], { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, env, { out: (l) => (out += `${l}\n`), err: (l) => (err += `${l}\n`) });
  return { code, out, err };
}

describe('admin command line', () => {
  it('runs as a program: creates a market (exit 0) and explains a usage mistake (exit 2)', async () => {
    // One after the other: two processes migrating one fresh SQLite file at once is not a supported set-up.
    const created = await spawnCli('market:create', '--name', '망원시장', '--type', '골목형', '--schedule', '상설');
    const missing = await spawnCli('code:create');
    expect(created.code, created.err).toBe(0);
    expect(created.out).toMatch(/Market created: mkt_\S+\t망원시장/);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--market is required');
    expect(missing.err).toContain('Usage');
  }, 60_000);

  it('creates a tutor and a code; lists and revokes devices; names what is wrong', async () => {
    const created = await cli('market:create', '--name', '통인시장', '--type', '아케이드형', '--schedule', '5일장');
    const marketId = /Market created: (\S+)/.exec(created.out)?.[1] ?? '';
    expect((await cli('markets:list')).out).toContain(`${marketId}\t통인시장`);

    const tutor = await cli('tutor:create', '--market', marketId, '--name', '김하늘', '--role', 'lead');
    expect(tutor.code, tutor.err).toBe(0);
    expect(tutor.out).toMatch(/Tutor created: tut_\S+\t김하늘\tlead/);
    const code = await cli('code:create', '--market', marketId, '--ttl-minutes', '15');
    expect(code.out).toMatch(/Enrollment code: [A-Z0-9]{4}-[A-Z0-9]{4}/);
    expect((await cli('devices:list', '--market', marketId)).out).toContain('No tablets enrolled');

    const server = await startServer({ port: 0, dataDir });
    let deviceId: string;
    try {
      deviceId = (await enroll(server, marketId, '라운지')).deviceId;
    } finally {
      await server.close();
    }
    expect((await cli('devices:list', '--market', marketId)).out).toMatch(new RegExp(`${deviceId}\\t라운지\\tactive`));
    expect((await cli('device:revoke', '--device', deviceId)).code).toBe(0);
    expect((await cli('devices:list', '--market', marketId)).out).toMatch(/라운지\trevoked/);
    const storage = await openStorage({ dataDir });
    try {
      expect((await storage.listDevices(marketId))[0]?.revokedAt).not.toBeNull();
    } finally {
      await storage.close();
    }

    const periodic = await cli(
      'market:create',
      ...['--name', '모란시장', '--type', '골목형', '--schedule', '5일장', '--market-days', '4-9'],
    );
    expect(periodic.code, periodic.err).toBe(0);
    expect((await cli('markets:list')).out).toMatch(/\t모란시장\t골목형\t5일장 4·9/);
    const badDays = await cli(
      'market:create',
      '--name',
      'x',
      '--type',
      '골목형',
      '--schedule',
      '5일장',
      '--market-days',
      '6-1',
    );
    expect(badDays.code).toBe(1);
    expect(badDays.err).toMatch(/marketDays/);
    const badType = await cli('market:create', '--name', 'x', '--type', '지하형', '--schedule', '상설');
    expect(badType.code).toBe(1);
    expect(badType.err).toMatch(/type/);
    const unknownMarket = await cli('code:create', '--market', 'nope');
    expect(unknownMarket.code).toBe(1);
    expect(unknownMarket.err).toContain('No market with id "nope"');
    const badTtl = await cli('code:create', '--market', marketId, '--ttl-minutes', 'soon');
    expect(badTtl.code).toBe(2);
    expect(badTtl.err).toContain('--ttl-minutes');
    expect((await cli('device:revoke', '--device', 'ghost')).code).toBe(1);
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Unknown command');
  });
});
