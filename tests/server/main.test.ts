// @vitest-environment node
// `npm run serve` as an administrator sees it: first start seeds the demo market and prints the URL and a
// one-time enrollment code that really enrolls a tablet; SIGTERM stops the server cleanly.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { EnrollResponse } from '../../src/domain';
import { tempDir } from './harness';

describe('server entry point (main.ts)', () => {
  it('prints the URL, the demo market and a working enrollment code, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: tempDir('dangol-main-'), DATABASE_URL: '' },
    });
    let out = '';
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('markets:list')) resolve();
      });
      void exited.then(() => reject(new Error(`server exited early:\n${out}`)));
    });
    try {
      const url = /Open:\s+(http:\/\/\S+)/.exec(out)?.[1];
      const code = /Enrollment code:\s+([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(out)?.[1];
      expect(out).toContain('햇살시장');
      expect(out).toContain('code:create');
      expect(url && code, out).toBeTruthy();
      const res = await fetch(`${url}/api/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, deviceName: '라운지' }),
      });
      expect(res.status).toBe(200);
      const enrolled = (await res.json()) as EnrollResponse;
      const pull = await fetch(`${url}/api/sync/pull?limit=2000`, {
        headers: { authorization: `Bearer ${enrolled.token}` },
      });
      const page = (await pull.json()) as { records: { entity: string }[] };
      expect(page.records.filter((r) => r.entity === 'stall')).toHaveLength(60);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 30_000);
});
