// What the tablet is set to right now (market, tutor, language, demo, enrollment), read live from meta.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './database';

export interface TabletSession {
  marketId: string | null;
  tutorId: string | null;
  language: 'ko' | 'en';
  demo: boolean;
  enrolled: boolean;
}

export async function readSession(): Promise<TabletSession> {
  const db = getDb();
  const rows = await db.meta.bulkGet(['marketId', 'tutorId', 'language', 'demo', 'enrolled']);
  const [marketId, tutorId, language, demo, enrolled] = rows.map((r) => r?.value);
  return {
    marketId: typeof marketId === 'string' ? marketId : null,
    tutorId: typeof tutorId === 'string' ? tutorId : null,
    language: language === 'en' ? 'en' : 'ko',
    demo: demo === true,
    enrolled: enrolled === true,
  };
}

/** Live session; undefined while loading. */
export function useSession(): TabletSession | undefined {
  return useLiveQuery(readSession, []);
}
