import { describe, expect, it } from 'vitest';
import { holdsClearPin } from './clear-pin';

describe('holdsClearPin', () => {
  it('finds a PIN stored as a value, not digits inside clocks, dates, UUIDs or hashes', () => {
    expect(holdsClearPin('{"pin":"4321"}', '4321')).toBe(true);
    expect(holdsClearPin('{"pin":4321}', '4321')).toBe(true);
    expect(holdsClearPin('["4321"]', '4321')).toBe(true);
    expect(holdsClearPin('{"clock":"1795714321009-000000-dec7b40e2e2b749a"}', '4321')).toBe(false);
    expect(holdsClearPin('{"id":"a3df4321-5973-4321-9b1c-000000004321"}', '4321')).toBe(false);
    expect(holdsClearPin('{"at":"2026-11-26T17:32:00.921Z","h":"ab+4321/x="}', '4321')).toBe(false);
  });
});
