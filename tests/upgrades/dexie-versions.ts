// Frozen copies of every SHIPPED Dexie schema version of DangolDb (src/app/db/database.ts). Never edit an
// entry: when the app adds version N, copy its stores here as entry N. The upgrade tests then check that a
// tablet on every earlier version opens with the current app, loses nothing, and still syncs.
export type Stores = Readonly<Record<string, string>>;

export const DEXIE_VERSIONS: Readonly<Record<number, Stores>> = {
  1: {
    markets: 'id',
    tutors: 'id, marketId',
    stalls: 'id, marketId, name, category, [marketId+name]',
    visits: 'id, stallId, tutorId, scheduledAt, status, [stallId+scheduledAt], [tutorId+scheduledAt], [status+stallId]',
    notes: 'id, stallId, visitId, writtenAt, [stallId+writtenAt], conflictOf',
    steps: 'id, stallId, status, no, [status+stallId]',
    stepEvents: 'id, stepId, stallId, at, [stepId+at]',
    consents: 'id, stallId',
    outbox: '++seq, &changeId, [entity+recordId]',
    rejected: '++seq, &changeId',
    meta: 'key',
    drafts: 'id, tutorId, savedAt',
  },
};

export const SHIPPED = Object.keys(DEXIE_VERSIONS)
  .map(Number)
  .sort((a, b) => a - b);
export const LATEST_SHIPPED = SHIPPED[SHIPPED.length - 1] ?? 1;
