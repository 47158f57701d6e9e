import { describe, expect, it } from 'vitest';
import { checkpointDue } from './wal-checkpoint';

describe('checkpointDue', () => {
  it('checkpoints once writes stop for a second', () => {
    expect(checkpointDue(1_500, 1_000)).toBe(true);
    expect(checkpointDue(1_500, 900)).toBe(false);
  });

  it('does not checkpoint between the closely spaced pushes of a drain before the WAL is 10 s old', () => {
    expect(checkpointDue(9_000, 500)).toBe(false);
    expect(checkpointDue(12_000, 100)).toBe(false);
  });

  it('takes a lull between requests once the WAL has gathered writes for 10 s', () => {
    expect(checkpointDue(12_000, 300)).toBe(true);
  });

  it('keeps the WAL bounded in time under unbroken writes', () => {
    expect(checkpointDue(60_000, 0)).toBe(true);
  });
});
