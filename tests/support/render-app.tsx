// Component-test helper: a fresh in-memory database, i18n, and the real route table in a memory router.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { DangolDb, setDb } from '../../src/app/db/database';
import { setMeta } from '../../src/app/db/meta';
import { initI18n, type Language } from '../../src/app/i18n';
import { routes } from '../../src/app/routes/router';

/** A new empty database (unique name), installed as the app's database, with a market set. */
export async function freshDb(opts: { marketId?: string; tutorId?: string; language?: Language } = {}) {
  const db = new DangolDb(`test-${crypto.randomUUID()}`);
  setDb(db);
  await setMeta(db, 'marketId', opts.marketId ?? 'm-test');
  if (opts.tutorId) await setMeta(db, 'tutorId', opts.tutorId);
  await setMeta(db, 'language', opts.language ?? 'ko');
  initI18n(opts.language ?? 'ko');
  return db;
}

/** Render the whole app at `path`. */
export function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup();
  const utils = render(<RouterProvider router={router} />);
  return { ...utils, user, router };
}
