// One seeded harness run: N tablets against the real server (child process) on a real database, a random
// program of tutor operations and syncs (fast-check, from the seed) run concurrently per tablet while
// faults are injected; then faults stop, everyone syncs until quiet, and the invariants are checked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { ValidationError } from '../../src/app/db/errors';
import { createEnrollmentCode, createMarket, createTutor } from '../../src/server/admin/commands';
import { openStorage } from '../../src/server/storage/open-storage';
import { freshDatabase } from '../support/postgres';
import { noteCommitted, openDevice, outboxIds, stopMidSyncAndReopen, syncOnce, type Device } from './device';
import { emptyCounts, flushReplays, NO_FAULTS, type FaultCounts, type FaultNet, type FaultRates } from './faulty-fetch';
import { checkInvariants, countViolations, type Violations } from './invariants';
import { emptyNoteLog, OPERATIONS, runOperation, type NoteLog, type Operation } from './operations';
import { createRng } from './rng';
import { startServerProcess } from './server-process';

export type Engine = 'sqlite' | 'postgres';

export const DEFAULT_RATES: FaultRates = {
  drop: 0.08,
  loseResponse: 0.08,
  duplicate: 0.08,
  delay: 0.15,
  replayLater: 0.1,
  kill: 0.02,
};

export interface RunOptions {
  seed: number;
  engine: Engine;
  devices: number;
  operations: number;
  rates?: FaultRates;
  /** For PostgreSQL: the cluster to make a fresh database in. */
  postgresUrl?: string;
  /** Kill the server mid-push at least once (default true). */
  forceKill?: boolean;
}

export interface RunResult {
  seed: number;
  engine: Engine;
  devices: number;
  /** Length of the seeded program (what a replay needs). */
  programLength: number;
  /** Operations that acted (some find nothing to act on, e.g. no note to edit yet). */
  operations: number;
  counts: FaultCounts;
  committed: number;
  applied: number;
  needsAttention: number;
  violations: Violations;
  convergeMs: number;
  totalMs: number;
}

type Command = { device: number; op: Operation | 'sync' | 'reopen'; pick: number };

const COMMANDS = [...OPERATIONS, 'sync', 'sync', 'sync', 'reopen'] as const;

/** The program of a seed: the same seed always gives the same commands (fast-check's generator). */
export function program(seed: number, devices: number, length: number): Command[] {
  const arb = fc.array(
    fc.record({ device: fc.nat(devices - 1), op: fc.constantFrom(...COMMANDS), pick: fc.nat(10_000) }),
    { minLength: length, maxLength: length },
  );
  const [cmds] = fc.sample(arb, { seed, numRuns: 1 });
  const starts: Command[] = Array.from({ length: devices }, (_, i) => ({ device: i, op: 'stall', pick: i }));
  return [...starts, ...(cmds ?? [])];
}

export function replayCommand(r: Pick<RunResult, 'seed' | 'engine' | 'devices' | 'programLength'>): string {
  return `SEED=${r.seed} npm run soak -- --engine ${r.engine} --devices ${r.devices} --operations ${r.programLength}`;
}

async function runCommand(d: Device, cmd: Command, log: NoteLog, rng: () => number): Promise<boolean> {
  if (cmd.op === 'sync') {
    await syncOnce(d);
    return false;
  }
  if (cmd.op === 'reopen') {
    await stopMidSyncAndReopen(d, Math.floor(rng() * 25));
    return false;
  }
  const before = await outboxIds(d);
  try {
    const ran = await runOperation(d, cmd.op, cmd.pick, log);
    return ran;
  } catch (err) {
    if (err instanceof ValidationError) return false; // refused by the domain rules: nothing written
    throw err;
  } finally {
    await noteCommitted(d, before);
  }
}

async function converge(
  devices: readonly Device[],
  storage: { dumpTable: (t: 'market_seq') => Promise<Record<string, unknown>[]> },
) {
  const seqNow = async () => (await storage.dumpTable('market_seq')).reduce((n, r) => n + Number(r.seq), 0);
  for (let pass = 0; pass < 30; pass++) {
    const before = await seqNow();
    for (const d of devices) await syncOnce(d);
    let pending = 0;
    for (const d of devices) pending += await d.db.outbox.count();
    if (pending === 0 && (await seqNow()) === before) return;
  }
  throw new Error('tablets did not converge within 30 sync passes after the faults stopped');
}

export async function runScenario(opts: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dangol-rel-'));
  const databaseUrl =
    opts.engine === 'postgres' ? await freshDatabase(opts.postgresUrl ?? failNoPostgres(), 'rel') : undefined;
  const server = await startServerProcess({ dataDir, databaseUrl });
  const storage = await openStorage({ dataDir, databaseUrl });
  const rates: FaultRates = { ...NO_FAULTS };
  const counts = emptyCounts();
  const replays: FaultNet['replays'] = [];
  const force = { kill: false };
  const devices: Device[] = [];
  try {
    const market = await createMarket(storage, { name: '신뢰시장', type: '골목형', schedule: '상설' });
    for (let i = 0; i < opts.devices; i++) {
      const tutor = await createTutor(storage, { marketId: market.id, name: `튜터${i}`, role: 'tutor' });
      const { code } = await createEnrollmentCode(storage, market.id);
      const net: FaultNet = { rates, counts, rng: createRng(opts.seed * 31 + i), server, replays, force };
      const name = `T${i}`;
      devices.push(
        await openDevice({
          name,
          dbName: `rel-${opts.seed}-${opts.engine}-${i}-${started}`,
          tutorId: tutor.id,
          net,
          code,
        }),
      );
    }
    Object.assign(rates, opts.rates ?? DEFAULT_RATES);
    const log = emptyNoteLog();
    const cmds = program(opts.seed, opts.devices, opts.operations);
    const rng = createRng(opts.seed);
    const roundSize = opts.devices * 3;
    let operations = 0;
    const rounds = Math.ceil(cmds.length / roundSize);
    for (let r = 0; r < rounds; r++) {
      if ((opts.forceKill ?? true) && r === Math.floor(rounds / 2) && counts.kills === 0) force.kill = true;
      const round = cmds.slice(r * roundSize, (r + 1) * roundSize);
      const ran = await Promise.all(
        devices.map(async (d, i) => {
          let n = 0;
          for (const cmd of round.filter((c) => c.device === i)) if (await runCommand(d, cmd, log, rng.next)) n++;
          // The forced kill needs a push in this round: tablet 0 makes one change and syncs.
          if (force.kill && i === 0) {
            if (await runCommand(d, { device: 0, op: 'stall', pick: r }, log, rng.next)) n++;
            await syncOnce(d);
          }
          return n;
        }),
      );
      operations += ran.reduce((a, b) => a + b, 0);
      if (rng.chance(0.3)) await flushReplays({ ...devices[0]!.net }, 2);
    }
    Object.assign(rates, NO_FAULTS);
    await flushReplays(devices[0]!.net);
    const convergeStart = Date.now();
    await converge(devices, storage);
    const convergeMs = Date.now() - convergeStart;
    const report = await checkInvariants(storage, market.id, devices, log);
    return {
      seed: opts.seed,
      engine: opts.engine,
      devices: opts.devices,
      programLength: opts.operations,
      operations,
      counts: { ...counts },
      committed: report.committed,
      applied: report.applied,
      needsAttention: report.needsAttention,
      violations: report.violations,
      convergeMs,
      totalMs: Date.now() - started,
    };
  } finally {
    for (const d of devices) {
      d.engine.stop();
      d.db.close();
      await d.db.delete().catch(() => undefined);
    }
    await server.stop();
    await storage.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function failNoPostgres(): never {
  throw new Error('runScenario on postgres needs postgresUrl (a cluster from tests/support/postgres.ts)');
}

export function describeFailure(r: RunResult): string {
  const lines = Object.entries(r.violations)
    .filter(([, list]) => list.length > 0)
    .map(([k, list]) => `  ${k}: ${list.length}\n    ${list.slice(0, 5).join('\n    ')}`);
  return `Reliability run failed (seed ${r.seed}, ${r.engine}, ${countViolations(r.violations)} violations):\n${lines.join('\n')}\nReplay: ${replayCommand(r)}`;
}
