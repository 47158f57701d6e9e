// A throwaway PostgreSQL cluster for tests: initdb into a temp dir, listen on loopback at a free port,
// stop and delete afterwards. As root it runs as the `postgres` user. Missing binaries fail loudly in CI
// and elsewhere skip only with a loud message (TESTING.md).
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

function candidateDirs(): string[] {
  const fromPath = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  let versioned: string[];
  try {
    versioned = fs
      .readdirSync('/usr/lib/postgresql')
      .sort((a, b) => Number(b) - Number(a))
      .map((v) => `/usr/lib/postgresql/${v}/bin`);
  } catch {
    versioned = [];
  }
  return [...fromPath, '/usr/local/bin', ...versioned];
}

function findBinDir(): string | undefined {
  return candidateDirs().find(
    (d) =>
      fs.existsSync(path.join(d, 'initdb')) &&
      fs.existsSync(path.join(d, 'pg_ctl')) &&
      fs.existsSync(path.join(d, 'postgres')),
  );
}

export function postgresAvailable(): boolean {
  return findBinDir() !== undefined;
}

/**
 * Whether the PostgreSQL half of a suite runs. In CI a missing PostgreSQL is an error; elsewhere the
 * skip is announced loudly, naming what was skipped and how to install it.
 */
export function runPostgresTests(what: string): boolean {
  if (postgresAvailable()) return true;
  const msg = `PostgreSQL (initdb, pg_ctl, postgres) not found on PATH, /usr/local/bin or /usr/lib/postgresql/*/bin.`;
  if (process.env.CI === 'true') throw new Error(`${msg} CI requires the PostgreSQL tests: ${what}`);
  const bar = '!'.repeat(100);
  console.warn(
    `\n${bar}\nSKIPPED on PostgreSQL: ${what}\n${msg}\nInstall it with: apt-get install postgresql\n${bar}\n`,
  );
  return false;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function ensurePostgresUser(): void {
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  }
}

/** Run a PostgreSQL binary, as the postgres user when we are root (PostgreSQL refuses to run as root). */
function asDbUser(bin: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return isRoot ? run('runuser', ['-u', 'postgres', '--', bin, ...args]) : run(bin, args);
}

export interface PostgresCluster {
  /** postgres://app:...@127.0.0.1:PORT/postgres */
  url: string;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = findBinDir();
  if (!bin) throw new Error('PostgreSQL binaries not found: apt-get install postgresql');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dangol-pg-'));
  const dataDir = path.join(root, 'data');
  const pwFile = path.join(root, 'pw');
  const password = randomBytes(12).toString('hex');
  fs.writeFileSync(pwFile, password);
  if (isRoot) {
    ensurePostgresUser();
    fs.chmodSync(root, 0o700);
    execFileSync('chown', ['-R', 'postgres', root]);
  }
  const initdb = path.join(bin, 'initdb');
  const pgCtl = path.join(bin, 'pg_ctl');
  await asDbUser(initdb, [
    '-D',
    dataDir,
    '-U',
    'app',
    `--pwfile=${pwFile}`,
    '--auth=scram-sha-256',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  const sockDir = path.join(dataDir, 'sock');
  await asDbUser('mkdir', [sockDir]);
  const port = await freePort();
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${sockDir} -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
  await asDbUser(pgCtl, ['-D', dataDir, '-w', '-l', path.join(root, 'log'), '-o', opts, 'start']);

  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    try {
      const args = ['-D', dataDir, '-m', 'immediate', '-w', 'stop'];
      if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', pgCtl, ...args], { stdio: 'ignore' });
      else execFileSync(pgCtl, args, { stdio: 'ignore' });
    } catch {
      // already stopped
    }
    fs.rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', stopSync);
  return {
    url: `postgres://app:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      process.removeListener('exit', stopSync);
      if (stopped) return;
      const args = ['-D', dataDir, '-m', 'fast', '-w', 'stop'];
      await asDbUser(pgCtl, args).catch(() => undefined);
      stopped = true;
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Create an empty database in the cluster and return its URL (one per suite keeps suites independent). */
export async function freshDatabase(clusterUrl: string, prefix = 'test'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
