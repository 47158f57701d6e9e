// Hybrid logical clock: a timestamp that sorts as a string, never goes backwards on one device, and
// breaks ties by device id, so every replica orders concurrent field writes the same way.
// Format: 13-digit wall ms, '-', 6-digit counter, '-', device id.

export type Hlc = string;

export interface HlcState {
  readonly wall: number;
  readonly counter: number;
}

const WALL_DIGITS = 13;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

export function formatHlc(state: HlcState, deviceId: string): Hlc {
  return `${String(state.wall).padStart(WALL_DIGITS, '0')}-${String(state.counter).padStart(COUNTER_DIGITS, '0')}-${deviceId}`;
}

export function parseHlc(hlc: Hlc): HlcState & { deviceId: string } {
  const wall = Number(hlc.slice(0, WALL_DIGITS));
  const counter = Number(hlc.slice(WALL_DIGITS + 1, WALL_DIGITS + 1 + COUNTER_DIGITS));
  const deviceId = hlc.slice(WALL_DIGITS + COUNTER_DIGITS + 2);
  if (!Number.isFinite(wall) || !Number.isFinite(counter) || hlc[WALL_DIGITS] !== '-') {
    throw new Error(`Invalid HLC: ${hlc}`);
  }
  return { wall, counter, deviceId };
}

export const HLC_PATTERN = /^\d{13}-\d{6}-[A-Za-z0-9_-]{1,64}$/;

/** Next local clock for an event at physical time `now`. */
export function tickHlc(prev: HlcState, now: number): HlcState {
  if (now > prev.wall) return { wall: now, counter: 0 };
  if (prev.counter >= MAX_COUNTER) return { wall: prev.wall + 1, counter: 0 };
  return { wall: prev.wall, counter: prev.counter + 1 };
}

/** Merge a remote clock in (on receive), so later local events sort after what was seen. */
export function receiveHlc(prev: HlcState, remote: HlcState, now: number): HlcState {
  const wall = Math.max(prev.wall, remote.wall, now);
  let counter: number;
  if (wall === prev.wall && wall === remote.wall) counter = Math.max(prev.counter, remote.counter) + 1;
  else if (wall === prev.wall) counter = prev.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) return { wall: wall + 1, counter: 0 };
  return { wall, counter };
}

export function compareHlc(a: Hlc | undefined, b: Hlc | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}
