// What the tablet is set to right now (market, tutor, language, demo, enrollment), read live from meta.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './database';
import { startSnapshot } from './start-snapshot';

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

/**
 * Who is using the tablet right now, read at the moment of a write: a tap that lands before a screen's live
 * session has loaded is still stamped with its author, and never with a tutor who has since switched out.
 */
export async function readTutorId(): Promise<string | null> {
  return (await readSession()).tutorId;
}

/** Live session; undefined while loading (on the first render after start: the session read before it). */
export function useSession(): TabletSession | undefined {
  return useLiveQuery(readSession, [], startSnapshot(getDb())?.session);
}
