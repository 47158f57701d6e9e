// A fetch wrapper that injects the faults of a market's Wi-Fi into one tablet's traffic (127.0.0.1 only):
// requests dropped before they leave, responses lost after the server applied them, requests sent twice at
// once, delayed, replayed later, and (for pushes) the server SIGKILLed while the request is in flight.
import type { Rng } from './rng';
import type { ServerProcess } from './server-process';

export interface FaultRates {
  drop: number;
  loseResponse: number;
  duplicate: number;
  delay: number;
  replayLater: number;
  /** Per push request: SIGKILL the server while it is handling it, then restart. */
  kill: number;
}

export const NO_FAULTS: FaultRates = { drop: 0, loseResponse: 0, duplicate: 0, delay: 0, replayLater: 0, kill: 0 };

export interface FaultCounts {
  dropped: number;
  lostResponses: number;
  duplicated: number;
  delayed: number;
  replayed: number;
  kills: number;
  reopens: number;
}

export function emptyCounts(): FaultCounts {
  return { dropped: 0, lostResponses: 0, duplicated: 0, delayed: 0, replayed: 0, kills: 0, reopens: 0 };
}

export interface FaultNet {
  rates: FaultRates;
  counts: FaultCounts;
  rng: Rng;
  server: ServerProcess;
  /** Requests kept to be sent again later (a proxy that resends an old request). */
  replays: { url: string; init: RequestInit }[];
  /** Set to make the next push (of any tablet) kill the server: guarantees the fault once per run. */
  force: { kill: boolean };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1') throw new Error(`harness traffic must stay on 127.0.0.1, not ${host}`);
}

/**
 * A fetch for one tablet incarnation. `alive()` false means the tab was closed: whatever comes back is
 * thrown away, like a closed tab that never hears its answer.
 */
export function faultyFetch(net: FaultNet, alive: () => boolean): typeof fetch {
  return async (input, init) => {
    const url = String(input);
    assertLoopback(url);
    const { rates, counts, rng } = net;
    const isPush = url.includes('/api/sync/push');
    if (rng.chance(rates.drop)) {
      counts.dropped += 1;
      throw new TypeError('fetch failed (dropped by the harness)');
    }
    if (rng.chance(rates.delay)) {
      counts.delayed += 1;
      await sleep(5 + rng.int(120));
    }
    if (init?.body !== undefined && rng.chance(rates.replayLater)) {
      const { signal: _s, ...rest } = init;
      net.replays.push({ url, init: rest });
    }
    let res: Response;
    if (isPush && (net.force.kill || rng.chance(rates.kill)) && !net.server.restarting()) {
      net.force.kill = false;
      counts.kills += 1;
      const inFlight = fetch(input, init);
      inFlight.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
      await sleep(rng.int(12));
      await net.server.killAndRestart();
      res = await inFlight; // usually fails: the connection died with the server
    } else if (rng.chance(rates.duplicate)) {
      counts.duplicated += 1;
      const [a, b] = await Promise.allSettled([fetch(input, init), fetch(input, init)]);
      if (b.status === 'fulfilled') await b.value.arrayBuffer().catch(() => undefined);
      if (a.status === 'rejected') throw a.reason;
      res = a.value;
    } else {
      res = await fetch(input, init);
    }
    if (!alive() || rng.chance(rates.loseResponse)) {
      if (alive()) counts.lostResponses += 1;
      await res.arrayBuffer().catch(() => undefined);
      throw new TypeError('fetch failed (response lost)');
    }
    return res;
  };
}

/** Send the kept requests again (old pushes arriving late); answers are ignored. */
export async function flushReplays(net: FaultNet, max = Infinity): Promise<void> {
  const batch = net.replays.splice(0, max);
  for (const r of batch) {
    try {
      const res = await fetch(r.url, r.init);
      await res.arrayBuffer();
      net.counts.replayed += 1;
    } catch {
      // the server may be restarting: a replay that fails is just another lost request
    }
  }
}
