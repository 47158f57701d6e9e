// Hostile request bodies for /api/sync/push and /api/enroll: malformed, mistyped, incomplete, huge,
// deeply nested, odd unicode in ids and clocks, SQL and HTML shapes where only ids or enums belong.
import { randomUUID } from 'node:crypto';
import { formatHlc, MAX_BODY_BYTES, MAX_PUSH_BATCH } from '../../src/domain';

export function validChange(recordId = `h-${randomUUID()}`): Record<string, unknown> {
  return {
    changeId: randomUUID(),
    entity: 'stall',
    recordId,
    op: 'put',
    fields: { name: '적대상회' },
    clock: formatHlc({ wall: Date.now(), counter: 0 }, 'dhostile'),
    base: null,
    tutorId: null,
    at: new Date().toISOString(),
  };
}

const withChange = (patch: Record<string, unknown>) => JSON.stringify({ changes: [{ ...validChange(), ...patch }] });

function deep(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** [name, raw body]: every one must be refused as a whole with a 4xx. */
export const HOSTILE_PUSH_BODIES: [string, string][] = [
  ['malformed JSON', '{"changes": [{"changeId": '],
  ['empty body', ''],
  ['JSON null', 'null'],
  ['a bare string', '"changes"'],
  ['changes is a string', '{"changes":"all"}'],
  ['changes is empty', '{"changes":[]}'],
  ['missing changes', '{}'],
  ['a change missing its clock', JSON.stringify({ changes: [{ ...validChange(), clock: undefined }] })],
  ['changeId a number', withChange({ changeId: 12345 })],
  ['op unknown', withChange({ op: 'drop' })],
  ['entity unknown', withChange({ entity: 'users' })],
  ['fields an array', withChange({ fields: ['name'] })],
  ['a field name of 5000 chars', withChange({ fields: { ['x'.repeat(5000)]: 1 } })],
  ['too many changes', JSON.stringify({ changes: Array.from({ length: MAX_PUSH_BATCH + 1 }, () => validChange()) })],
  ['a 100k-element array', `{"changes":[${Array.from({ length: 100_000 }, () => '1').join(',')}]}`],
  ['nesting 100k deep', `{"changes":[{"fields":${deep(100_000)}}]}`],
  ['body over the size limit', JSON.stringify({ changes: [validChange()], pad: 'x'.repeat(MAX_BODY_BYTES) })],
  ['recordId shaped like SQL', withChange({ recordId: "x'; DROP TABLE records; --" })],
  ['recordId with HTML', withChange({ recordId: '<img src=x onerror=alert(1)>' })],
  ['recordId with a lone surrogate', withChange({ recordId: 'a\ud800b' })],
  ['recordId with NUL', withChange({ recordId: 'a\u0000b' })],
  ['recordId with zero-width space', withChange({ recordId: 'a\u200bb' })],
  ['recordId with RTL override', withChange({ recordId: 'a\u202eb' })],
  ['clock not a clock', withChange({ clock: "1' OR '1'='1" })],
  ['tutorId with HTML', withChange({ tutorId: '<script>alert(1)</script>' })],
  ['at not a date', withChange({ at: 'yesterday' })],
  ['prototype pollution keys', '{"changes":[{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}]}'],
];

export const HOSTILE_ENROLL_BODIES: [string, string][] = [
  ['malformed JSON', '{"code":'],
  ['code a number', '{"code":123456,"deviceName":"t"}'],
  ['missing deviceName', '{"code":"ABCD-1234"}'],
  ['deviceName of 10k chars', JSON.stringify({ code: 'ABCD-1234', deviceName: 'x'.repeat(10_000) })],
  ['code shaped like SQL', JSON.stringify({ code: "' OR 1=1 --", deviceName: 'tab' })],
  ['code with NUL and RTL', JSON.stringify({ code: 'AB\u0000\u202eCD', deviceName: 'tab' })],
];
