// Storage pressure for tests: a Dexie DBCore middleware that makes IndexedDB refuse writes to chosen tables
// with a QuotaExceededError, inside the transaction (as a full disk does), raw or wrapped by Dexie.
import Dexie from 'dexie';
import type { DangolDb } from '../../src/app/db/database';

export interface QuotaSwitch {
  /** Tables whose writes fail; empty = storage has room again. */
  full: Set<string>;
  /** Wrap the DOMException as Dexie does for an aborted transaction (`inner`). */
  wrapped: boolean;
  refused: number;
}

export function quotaError(wrapped: boolean): Error {
  const dom = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  return wrapped ? new Dexie.AbortError('Transaction aborted', dom) : dom;
}

/** Install on a database before it is opened. */
export function withQuota(db: DangolDb): QuotaSwitch {
  const sw: QuotaSwitch = { full: new Set(), wrapped: false, refused: 0 };
  db.use({
    stack: 'dbcore',
    name: 'test-quota',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(req) {
            if (req.type !== 'delete' && req.type !== 'deleteRange' && sw.full.has(name)) {
              sw.refused += 1;
              return Promise.reject(quotaError(sw.wrapped));
            }
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return sw;
}
