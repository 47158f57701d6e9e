// The real Dangol server as a child process (`node --max-semi-space-size=64 --import tsx src/server/main.ts`, as
// `npm run serve` starts it) on 127.0.0.1, so the
// harness can SIGKILL it mid-batch and start it again on the same port and database, as a power cut would.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcessOptions {
  /** postgres://... or undefined for SQLite in dataDir. */
  databaseUrl?: string;
  dataDir: string;
}

export interface ServerProcess {
  readonly url: string;
  /** SIGKILL now (no graceful close), then start again; concurrent callers share one restart. */
  killAndRestart(): Promise<void>;
  /** Whether a kill/restart is under way. */
  restarting(): boolean;
  kills: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitHealthy(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before it was healthy:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`server not healthy after 30 s:\n${log()}`);
}

export async function startServerProcess(opts: ServerProcessOptions): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess;
  let output = '';
  let pending: Promise<void> | null = null;

  const launch = async () => {
    output = '';
    child = spawn(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', 'src/server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: opts.dataDir,
        DATABASE_URL: opts.databaseUrl ?? '',
        DIST_DIR: path.join(opts.dataDir, 'no-dist'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    await waitHealthy(url, child, () => output);
  };

  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((r) => c.once('exit', () => r()));

  await launch();
  const proc: ServerProcess = {
    url,
    kills: 0,
    restarting: () => pending !== null,
    killAndRestart() {
      pending ??= (async () => {
        const old = child;
        old.kill('SIGKILL');
        proc.kills += 1;
        await exited(old);
        await launch();
      })().finally(() => {
        pending = null;
      });
      return pending;
    },
    async stop() {
      if (pending) await pending.catch(() => undefined);
      const c = child;
      c.kill('SIGTERM');
      const timer = setTimeout(() => c.kill('SIGKILL'), 1_000); // idle keep-alive sockets would hold it 5 s
      await exited(c);
      clearTimeout(timer);
    },
  };
  return proc;
}
