// The market overview, computed from index keys and small index ranges (never every visit or note):
// the funnel, friends, open blockers and this week's visits per tutor. Pure parts are exported for tests.
import Dexie from 'dexie';
import { FUNNEL_STEPS, type BusinessStatus, type VisitStatus } from '../../../domain';
import type { DangolDb } from '../database';
import { listTutors } from './tutors';

export interface StallFacts {
  id: string;
  name: string;
  channelOpened: boolean;
  businessStatus: BusinessStatus;
  friendCount: number;
}

export interface Funnel {
  stalls: number;
  visited: number;
  consented: number;
  channelOpened: number;
  businessVerified: number;
  completed: number;
}

export interface Blocker {
  stallId: string;
  stallName: string;
  no: number;
  reason: string;
  since: string;
}

export interface TutorWeek {
  tutorId: string;
  name: string;
  done: number;
  scheduled: number;
  missed: number;
  total: number;
}

export interface Overview {
  funnel: Funnel;
  friends: number;
  blockers: Blocker[];
  perTutor: TutorWeek[];
}

/** Step numbers done per stall, from step ids (`<stallId>:s<no>`, see stepId). */
export function doneStepsByNo(stepIds: readonly string[]): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const id of stepIds) {
    const m = /^(.*):s(\d+)$/.exec(id);
    if (!m) continue;
    const no = Number(m[2]);
    const set = out.get(no) ?? new Set<string>();
    set.add(m[1] as string);
    out.set(no, set);
  }
  return out;
}

export function computeFunnel(
  stalls: readonly StallFacts[],
  visited: ReadonlySet<string>,
  done: ReadonlyMap<number, ReadonlySet<string>>,
): Funnel {
  const has = (no: number, id: string) => done.get(no)?.has(id) === true;
  const f: Funnel = { stalls: 0, visited: 0, consented: 0, channelOpened: 0, businessVerified: 0, completed: 0 };
  for (const s of stalls) {
    f.stalls += 1;
    if (visited.has(s.id)) f.visited += 1;
    if (has(FUNNEL_STEPS.consent, s.id)) f.consented += 1;
    if (s.channelOpened || has(FUNNEL_STEPS.channelOpened, s.id)) f.channelOpened += 1;
    if (s.businessStatus === 'approved' || has(FUNNEL_STEPS.businessVerified, s.id)) f.businessVerified += 1;
    if (has(FUNNEL_STEPS.completed, s.id)) f.completed += 1;
  }
  return f;
}

export function countByTutor(
  tutors: readonly { id: string; name: string }[],
  visits: readonly { tutorId: string | null; status: VisitStatus }[],
): TutorWeek[] {
  return tutors.map((t) => {
    const mine = visits.filter((v) => v.tutorId === t.id && v.status !== 'rescheduled' && v.status !== 'cancelled');
    const n = (s: VisitStatus) => mine.filter((v) => v.status === s).length;
    return {
      tutorId: t.id,
      name: t.name,
      done: n('done'),
      scheduled: n('scheduled'),
      missed: n('missed'),
      total: mine.length,
    };
  });
}

function keyRange(status: string): [unknown[], unknown[]] {
  return [
    [status, Dexie.minKey],
    [status, Dexie.maxKey],
  ];
}

/** The whole overview of one market; `week` is [from, to) as stored ISO instants. */
export async function readOverview(
  db: DangolDb,
  marketId: string,
  week: { from: string; to: string },
): Promise<Overview> {
  const stalls: StallFacts[] = [];
  await db.stalls
    .where('marketId')
    .equals(marketId)
    .each((s) => {
      if (!s.deleted) {
        const { id, name, channelOpened, businessStatus, friendCount } = s;
        stalls.push({ id, name, channelOpened, businessStatus, friendCount });
      }
    });
  const [doneVisitKeys, doneStepIds, blockedSteps, tutors] = await Promise.all([
    db.visits
      .where('[status+stallId]')
      .between(...keyRange('done'))
      .keys(),
    db.steps
      .where('[status+stallId]')
      .between(...keyRange('done'))
      .primaryKeys(),
    db.steps
      .where('[status+stallId]')
      .between(...keyRange('blocked'))
      .toArray(),
    listTutors(db, marketId),
  ]);
  const visited = new Set(doneVisitKeys.map((k) => String((k as unknown as [string, string])[1])));
  const funnel = computeFunnel(stalls, visited, doneStepsByNo(doneStepIds.map(String)));
  const byId = new Map(stalls.map((s) => [s.id, s]));
  const blockers = blockedSteps
    .filter((s) => !s.deleted && byId.has(s.stallId))
    .map((s) => ({
      stallId: s.stallId,
      stallName: byId.get(s.stallId)?.name ?? '',
      no: s.no,
      reason: s.reason,
      since: s.updatedAt,
    }))
    .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.no - b.no));
  const weekVisits = await Promise.all(
    tutors.map((t) =>
      db.visits.where('[tutorId+scheduledAt]').between([t.id, week.from], [t.id, week.to], true, false).toArray(),
    ),
  );
  const perTutor = countByTutor(
    tutors,
    weekVisits.flat().filter((v) => !v.deleted),
  );
  const friends = stalls.reduce((sum, s) => sum + s.friendCount, 0);
  return { funnel, friends, blockers, perTutor };
}
