// The start snapshot (bench 4a): read before the first render, it is that render's data, so Today shows its
// visits in the first commit; a tablet idle past its auto-lock time starts on the lock screen; nothing mounted
// after the first render (or on another database) sees it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { addHours, startOfDay } from 'date-fns';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { freshDb } from '../../../tests/support/render-app';
import { seedMarket } from '../../../tests/shared-tablet/seed';
import { DangolDb } from '../db/database';
import { markSignedIn, readLockState } from '../db/repos/tablet-lock';
import { listVisitsInRange } from '../db/repos/visits';
import { seedStall, seedTutor, seedVisit } from '../db/repos/visits-test-seed';
import { setStartSnapshot, startSnapshot } from '../db/start-snapshot';
import { dayRange } from '../features/visits/time';
import { routes } from '../routes/router';
import { readStart } from './read-start';

async function seed(lastActiveMinutesAgo: number) {
  const db = await freshDb({ tutorId: 't1' });
  await seedMarket(db, 'm-test', 5);
  await seedTutor(db, 't1', '김하늘', 'lead');
  await seedTutor(db, 't2', '이서연');
  await seedStall(db, 's1', '행복청과');
  await seedStall(db, 's2', '바다수산');
  const day = startOfDay(new Date());
  await seedVisit(db, 'v1', 's1', addHours(day, 14), { tutorId: 't1' });
  await seedVisit(db, 'v2', 's2', addHours(day, 15), { tutorId: 't1' });
  await seedVisit(db, 'v3', 's2', addHours(day, 16), { tutorId: 't2' });
  await markSignedIn(db, 't1', Date.now() - lastActiveMinutesAgo * 60_000);
  return db;
}

/** Render the app the way main.tsx does: snapshot first, then one synchronous render. */
function renderStarted() {
  const router = createMemoryRouter(routes, { initialEntries: ['/today'] });
  let utils: ReturnType<typeof render> | undefined;
  act(() => {
    utils = render(<RouterProvider router={router} />);
  });
  return utils!;
}

describe('start snapshot', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(2026, 10, 26, 10, 0) });
  });
  afterEach(() => {
    setStartSnapshot(null);
    vi.useRealTimers();
  });

  it('holds what the first screen would read, and Today shows it in the first render', async () => {
    const db = await seed(1);
    const snapshot = await readStart(db);
    expect(snapshot.session).toMatchObject({ marketId: 'm-test', tutorId: 't1', language: 'ko' });
    expect(snapshot.lock).toEqual(await readLockState(db));
    expect(snapshot.lock.locked).toBe(false);
    const mine = await listVisitsInRange(db, { marketId: 'm-test', ...dayRange(new Date()), tutorId: 't1' });
    expect(snapshot.today?.rows).toEqual(mine);
    expect(mine.map((r) => r.visit.id)).toEqual(['v1', 'v2']);

    setStartSnapshot(snapshot);
    renderStarted();
    // No waiting: the visits are there in the first commit.
    expect(screen.getByText('오늘 방문 2건')).toBeInTheDocument();
    // Then the snapshot is dropped: a screen mounted later reads for itself.
    expect(startSnapshot(db)).toBeNull();
  });

  it('starts on the lock screen when the tablet was idle longer than its auto-lock time', async () => {
    const db = await seed(10);
    const snapshot = await readStart(db);
    expect(snapshot.lock.locked).toBe(true);
    expect((await db.meta.get('session.locked'))?.value).toBe(true);

    setStartSnapshot(snapshot);
    renderStarted();
    expect(screen.getByRole('dialog', { name: '누가 쓰고 있나요?' })).toBeInTheDocument();
    expect(screen.queryByText('행복청과')).toBeNull();
    expect(screen.queryByText(/오늘 방문/)).toBeNull();
  });

  it('is ignored for another database', async () => {
    const db = await seed(1);
    setStartSnapshot(await readStart(db));
    expect(startSnapshot(new DangolDb(`other-${crypto.randomUUID()}`))).toBeNull();
    expect(startSnapshot(db)).not.toBeNull();
  });
});
