// A revoked tablet holds no market data: once the server answers 'device_revoked', the shell wipes it.
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '@testing-library/react';
import { freshDb, renderApp } from '../support/render-app';
import { setMeta } from '../../src/app/db/meta';
import { markSignedIn } from '../../src/app/db/repos/tablet-lock';
import { mutate } from '../../src/app/db/mutate';
import { createSyncEngine, setSyncEngine, type SyncEngine } from '../../src/app/sync';
import { stallFields } from '../integration/tablets';
import { seedMarket, seedTutor } from './seed';

let engine: SyncEngine | undefined;
afterEach(() => engine?.stop());

describe('revoked tablet', () => {
  it('wipes every market record, pending change and setting but the language', async () => {
    const db = await freshDb({ marketId: 'm-test' });
    await seedMarket(db);
    await seedTutor(db, 'tu1', '박튜터');
    await markSignedIn(db, 'tu1');
    await mutate(db, { entity: 'stall', id: 'st1', fields: { ...stallFields('해뜰청과'), merchantName: '' } });
    await setMeta(db, 'enrolled', true);
    await setMeta(db, 'token', 'tok-0123456789abcdefghij');
    await setMeta(db, 'serverUrl', 'http://fake');
    engine = createSyncEngine({
      db,
      locks: null,
      online: { isOnline: () => true, subscribe: () => () => {} },
      timers: { set: () => 0, clear: () => {} },
      fetch: async () =>
        new Response(JSON.stringify({ error: { code: 'device_revoked', message: 'revoked' } }), {
          status: 401,
          headers: { 'content-type': 'application/json' },
        }),
    });
    setSyncEngine(engine);
    renderApp('/today');
    const modes: string[] = [];
    const e = engine;
    e.subscribe(() => modes.push(e.getStatus().mode));
    await engine.syncNow();
    expect(modes).toContain('revoked');
    await waitFor(async () => expect(await db.stalls.count()).toBe(0));
    for (const table of db.tables) {
      if (table.name !== 'meta') expect(await table.count(), table.name).toBe(0);
    }
    expect(await db.meta.toArray()).toEqual([{ key: 'language', value: 'ko' }]);
  });
});
