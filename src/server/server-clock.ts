// Clocks for writes the server makes itself (admin commands, the demo seed): an HLC with device id
// 'server', never going backwards within this process.
import { formatHlc, tickHlc, type Hlc, type HlcState } from '../domain';

let state: HlcState = { wall: 0, counter: 0 };

export const SERVER_CLOCK_ID = 'server';

export function serverClock(now: number = Date.now()): Hlc {
  state = tickHlc(state, now);
  return formatHlc(state, SERVER_CLOCK_ID);
}

/** Every field of a record stamped with one clock: a record the server creates whole. */
export function clocksFor(data: Record<string, unknown>, clock: Hlc): Record<string, Hlc> {
  const clocks: Record<string, Hlc> = {};
  for (const k of Object.keys(data)) clocks[k] = clock;
  return clocks;
}
