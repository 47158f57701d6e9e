// @vitest-environment node
// The bounded reliability run inside `npm test`: fixed seeds, several tablets with the app's real sync
// engine against the real server (a child process, SIGKILLed and restarted at least once per run) on
// SQLite and PostgreSQL, faults injected; every invariant must hold. A failure prints its replay command.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../server/harness';
import { startPostgres, type PostgresCluster } from '../support/postgres';
import { countViolations } from './invariants';
import { describeFailure, runScenario, type RunResult } from './run';

const SEEDS = { sqlite: [101, 202], postgres: [303, 404] } as const;

describe.each(engines('reliability harness'))('reliability under faults on %s', (engine) => {
  let cluster: PostgresCluster | undefined;
  beforeAll(async () => {
    if (engine === 'postgres') cluster = await startPostgres();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it.each(SEEDS[engine])(
    'seed %i: nothing lost, nothing applied twice, all converge, no note text lost, tombstones win',
    async (seed) => {
      const r: RunResult = await runScenario({
        seed,
        engine,
        devices: 4,
        operations: 90,
        postgresUrl: cluster?.url,
      });
      const message = describeFailure(r);
      expect(countViolations(r.violations), message).toBe(0);
      // The faults really happened: the run is not a quiet one that proves nothing.
      expect(r.counts.kills, 'server SIGKILLed mid-push at least once').toBeGreaterThanOrEqual(1);
      expect(r.counts.dropped + r.counts.lostResponses + r.counts.duplicated, message).toBeGreaterThan(0);
      expect(r.committed).toBeGreaterThan(40);
      expect(r.applied).toBeGreaterThan(0);
    },
    120_000,
  );
});
