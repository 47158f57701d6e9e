// The floor page: the least an app of this stack does to show today's visits from IndexedDB offline. It
// registers its service worker (workbox-window), opens Dexie, reads one indexed range and renders a list.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import Dexie, { type Table } from 'dexie';
import { Workbox } from 'workbox-window';

interface VisitRow {
  id: string;
  tutorId: string;
  scheduledAt: string;
  name: string;
}

class FloorDb extends Dexie {
  visits!: Table<VisitRow, string>;
  constructor() {
    super('floor');
    this.version(1).stores({ visits: 'id, [tutorId+scheduledAt]' });
  }
}

const db = new FloorDb();
const DAY = 86_400_000;

/** Fill the floor's database once with as many visits as the 10x market holds (20,000). */
async function seed(): Promise<void> {
  if ((await db.visits.count()) > 0) return;
  const start = Date.now() - 70 * DAY;
  const rows: VisitRow[] = Array.from({ length: 20_000 }, (_, i) => ({
    id: `v${i}`,
    tutorId: `t${i % 20}`,
    scheduledAt: new Date(start + (Math.floor(i / 20) * (84 * DAY)) / 1000).toISOString(),
    name: `방문 ${i}`,
  }));
  await db.visits.bulkPut(rows);
}

function Today() {
  const [rows, setRows] = useState<VisitRow[] | null>(null);
  useEffect(() => {
    const from = new Date(Date.now() - (Date.now() % DAY)).toISOString();
    const to = new Date(Date.now() - (Date.now() % DAY) + DAY).toISOString();
    void seed()
      .then(() => db.visits.where('[tutorId+scheduledAt]').between(['t0', from], ['t0', to]).toArray())
      .then(setRows);
  }, []);
  if (!rows) return <p>…</p>;
  return (
    <main className="today">
      <h1>오늘</h1>
      <ol className="visit-list">
        {rows.map((r) => (
          <li key={r.id}>{r.name}</li>
        ))}
      </ol>
    </main>
  );
}

const router = createBrowserRouter([{ path: '*', element: <Today /> }]);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
if ('serviceWorker' in navigator) void new Workbox('/sw.js').register();
