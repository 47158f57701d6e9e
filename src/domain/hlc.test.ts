import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareHlc, formatHlc, parseHlc, receiveHlc, tickHlc, type HlcState } from './hlc';

const state = fc.record({
  wall: fc.integer({ min: 0, max: 4_000_000_000_000 }),
  counter: fc.integer({ min: 0, max: 999_999 }),
});
const device = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/);

describe('hybrid logical clock', () => {
  it('round-trips through its string form', () => {
    fc.assert(
      fc.property(state, device, (s, d) => {
        const parsed = parseHlc(formatHlc(s, d));
        expect(parsed).toEqual({ ...s, deviceId: d });
      }),
    );
  });

  it('string order equals (wall, counter, device) order', () => {
    fc.assert(
      fc.property(state, state, device, device, (a, b, da, db) => {
        const byString = Math.sign(compareHlc(formatHlc(a, da), formatHlc(b, db)));
        const byTuple = Math.sign(a.wall - b.wall || a.counter - b.counter || (da === db ? 0 : da < db ? -1 : 1));
        // Different device ids of different lengths may order differently only when wall and counter tie.
        if (a.wall !== b.wall || a.counter !== b.counter || da === db) expect(byString).toBe(byTuple);
      }),
    );
  });

  it('never goes backwards, whatever the physical clock does', () => {
    fc.assert(
      fc.property(
        state,
        fc.array(fc.integer({ min: 0, max: 4_000_000_000_000 }), { minLength: 1, maxLength: 50 }),
        (start, nows) => {
          let prev: HlcState = start;
          for (const now of nows) {
            const next = tickHlc(prev, now);
            expect(compareHlc(formatHlc(next, 'd'), formatHlc(prev, 'd'))).toBe(1);
            prev = next;
          }
        },
      ),
    );
  });

  it('after receiving a remote clock, the next local event sorts after it', () => {
    fc.assert(
      fc.property(state, state, fc.integer({ min: 0, max: 4_000_000_000_000 }), (local, remote, now) => {
        const merged = receiveHlc(local, remote, now);
        const next = tickHlc(merged, now);
        expect(compareHlc(formatHlc(next, 'a'), formatHlc(remote, 'z'))).toBe(1);
        expect(compareHlc(formatHlc(next, 'a'), formatHlc(local, 'z'))).toBe(1);
      }),
    );
  });
});
