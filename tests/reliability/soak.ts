// `npm run soak -- --runs N --engine sqlite|postgres|both [--devices D] [--operations O] [--seed S]`:
// many seeded harness runs, then a table of runs, devices, operations, faults injected, changes lost,
// duplicates and time to converge. Exits 1 (printing the seed and a replay command) on any violation.
import 'fake-indexeddb/auto';
import { startPostgres, type PostgresCluster } from '../support/postgres';
import { countViolations } from './invariants';
import { describeFailure, runScenario, type Engine, type RunResult } from './run';
import { formatTable } from './soak-table';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function num(name: string, fallback: number, max: number): number {
  const raw = arg(name);
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be a whole number from 1 to ${max}`);
  return n;
}

async function main(): Promise<void> {
  const engineArg = arg('engine') ?? 'both';
  if (!['sqlite', 'postgres', 'both'].includes(engineArg)) throw new Error('--engine must be sqlite, postgres or both');
  const engines: Engine[] = engineArg === 'both' ? ['sqlite', 'postgres'] : [engineArg as Engine];
  const fixedSeed = process.env.SEED ?? arg('seed');
  const runs = fixedSeed ? 1 : num('runs', 10, 10_000);
  const devices = num('devices', 4, 12);
  const operations = num('operations', 150, 5_000);
  const budgetMs = num('minutes', 60, 24 * 60) * 60_000;
  const firstSeed = fixedSeed ? Number(fixedSeed) : (Date.now() % 1_000_000_007) >>> 0;
  const deadline = Date.now() + budgetMs;

  let cluster: PostgresCluster | undefined;
  const results: RunResult[] = [];
  let failed = false;
  try {
    if (engines.includes('postgres')) cluster = await startPostgres();
    for (let i = 0; i < runs && Date.now() < deadline; i++) {
      for (const engine of engines) {
        const seed = firstSeed + i;
        const r = await runScenario({ seed, engine, devices, operations, postgresUrl: cluster?.url });
        results.push(r);
        const bad = countViolations(r.violations);
        console.log(
          `run ${i + 1}/${runs} ${engine} seed ${seed}: ${r.operations} ops, ${r.committed} changes, ` +
            `converged in ${r.convergeMs} ms${bad ? `, ${bad} VIOLATIONS` : ''}`,
        );
        if (bad) {
          failed = true;
          console.error(describeFailure(r));
        }
      }
    }
  } finally {
    await cluster?.stop();
  }
  console.log(`\n${formatTable(results)}`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
