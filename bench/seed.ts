// A market at ten times real size for the benchmarks (issue 6): 1,000 stalls, 20,000 visits, 20,000 notes,
// 15,000 checklist steps (+ their step events), consents and tutors. Pure and deterministic: same input, same rows.
import { CHECKLIST_TEMPLATE_VERSION, stepId } from '../src/domain/checklist-template';
import type { Market, Tutor } from '../src/domain/entities';
import type { DemoMarket } from '../src/domain/demo-market';
import { CATEGORIES, type StepStatus, type VisitStatus } from '../src/domain/vocabulary';

/** The same record sets as the demo market, ten times a market's size. */
export type BigMarket = DemoMarket;

export const BIG = { stalls: 1000, visitsPerStall: 20, notesPerStall: 20, stepsPerStall: 15, tutors: 20 } as const;
const DAY = 86_400_000;
const TOPICS = ['채널 개설', '프로필', '쿠폰', '소식 발행', '메시지 발송', 'QR 홍보물'];
const WORDS = ['햇살', '다온', '푸른', '소담', '한결', '새봄', '보람', '알찬', '정겨운', '으뜸', '늘봄', '해맑은'];
const NOUNS = ['청과', '정육점', '수산', '건어물', '반찬가게', '떡방앗간', '젓갈', '상회', '분식', '꽃집'];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** `now` fixes "today": a few visits of every tutor fall on it (Korea time), the rest in the past 10 weeks. */
export function makeBigMarket(marketId: string, now: Date, seed = 10): BigMarket {
  const rand = rng(seed);
  const stamp = now.toISOString();
  const base = (id: string, by: string | null) => ({ id, marketId, updatedAt: stamp, updatedBy: by, deleted: false });
  const kstMidnight = Math.floor((now.getTime() + 540 * 60_000) / DAY) * DAY - 540 * 60_000;
  const at = (day: number, minutes: number) => new Date(kstMidnight + day * DAY + minutes * 60_000).toISOString();
  const market: Market = {
    ...base(marketId, null),
    name: '벤치시장 (10배)',
    type: '골목형',
    schedule: '상설',
    marketDays: '',
    address: '가상시 벤치구 1',
    demo: false,
    autoLockMinutes: 120,
  };
  const tutors: Tutor[] = Array.from({ length: BIG.tutors }, (_, i) => ({
    ...base(`${marketId}-t${pad(i + 1, 2)}`, null),
    name: `튜터${i + 1}`,
    role: i === 0 ? 'lead' : 'tutor',
    active: true,
    pinHash: null,
    pinSalt: null,
    pinIterations: 0,
    locked: false,
  }));
  const out: BigMarket = { market, tutors, stalls: [], visits: [], notes: [], steps: [], stepEvents: [], consents: [] };
  for (let i = 0; i < BIG.stalls; i++) {
    const id = `${marketId}-s${pad(i + 1, 4)}`;
    const tutor = tutors[i % tutors.length]!.id;
    const progress = Math.floor(rand() * 16);
    out.stalls.push({
      ...base(id, tutor),
      name: `${WORDS[i % WORDS.length]}${NOUNS[Math.floor(i / WORDS.length) % NOUNS.length]} ${i + 1}호`,
      category: CATEGORIES[i % CATEGORIES.length]!,
      building: ['A동', 'B동', 'C동', 'D동'][i % 4]!,
      floor: String(1 + (i % 3)),
      row: ['가열', '나열', '다열', '라열', '마열'][Math.floor(i / 4) % 5]!,
      number: String(100 + i),
      landmark: i % 7 === 0 ? '정문 옆' : '',
      merchantName: `사장${i + 1}`,
      merchantPhone: `010-0000-${pad(i, 4)}`,
      channelName: progress >= 4 ? `${WORDS[i % WORDS.length]}${i + 1}` : '',
      channelSearchId: progress >= 4 ? `bench${i + 1}` : '',
      channelUrl: progress >= 4 ? `https://pf.kakao.com/_bench${i + 1}` : '',
      channelOpened: progress >= 4,
      businessStatus: progress >= 7 ? 'approved' : 'not_applied',
      friendCount: progress >= 9 ? Math.floor(rand() * 300) : 0,
      friendCountAt: progress >= 9 ? at(-1, 17 * 60) : null,
    });
    out.consents.push({
      ...base(`${id}-c1`, tutor),
      stallId: id,
      formVersion: 1,
      purpose: '카카오톡 채널 개설·운영 교육과 사후관리 연락',
      items: ['성명', '휴대전화번호'],
      retentionUntil: new Date(now.getTime() + 365 * DAY).toISOString().slice(0, 10),
      refusalRightExplained: true,
      sharePartners: true,
      photoUse: i % 2 === 0,
      contactAfter: true,
      method: 'tablet',
      consentedAt: at(-70, 10 * 60),
      tutorId: tutor,
      deviceId: 'bench-device',
      withdrawnAt: null,
    });
    for (let no = 1; no <= BIG.stepsPerStall; no++) {
      const sid = stepId(id, no);
      const status: StepStatus = no <= progress ? 'done' : no === progress + 1 && i % 5 === 0 ? 'blocked' : 'todo';
      const when = at(-60 + no * 3, 11 * 60 + no);
      out.steps.push({
        ...base(sid, tutor),
        stallId: id,
        no,
        templateVersion: CHECKLIST_TEMPLATE_VERSION,
        status,
        reason: status === 'blocked' ? '사업자등록증이 없음' : '',
        doneBy: status === 'done' ? tutor : null,
        doneAt: status === 'done' ? when : null,
      });
      if (status !== 'todo') {
        out.stepEvents.push({
          ...base(`${sid}~e1`, tutor),
          stallId: id,
          stepId: sid,
          no,
          status,
          reason: status === 'blocked' ? '사업자등록증이 없음' : '',
          tutorId: tutor,
          at: when,
        });
      }
    }
    for (let k = 0; k < BIG.visitsPerStall; k++) {
      // 19 past visits every ~3.5 days; the last one today for every 16th stall, otherwise in the next 2 weeks.
      const future = k === BIG.visitsPerStall - 1;
      const day = future ? (i % 16 === 0 ? 0 : 1 + (i % 13)) : -70 + Math.floor(k * 3.5);
      const minutes = (9 + (i % 9)) * 60 + (k % 2) * 30;
      const status: VisitStatus = future ? 'scheduled' : k % 10 === 9 ? 'missed' : 'done';
      const vid = `${id}-v${pad(k + 1, 2)}`;
      out.visits.push({
        ...base(vid, tutor),
        stallId: id,
        tutorId: tutor,
        scheduledAt: at(day, minutes),
        durationMin: 30,
        purpose: future ? '다음 단계 진행' : '채널 운영 상담',
        status,
        actualMin: status === 'done' ? 30 : null,
        completedAt: status === 'done' ? at(day, minutes + 40) : null,
        rescheduledFrom: null,
      });
      const topic = TOPICS[(i + k) % TOPICS.length]!;
      out.notes.push({
        ...base(`${id}-n${pad(k + 1, 2)}`, tutor),
        stallId: id,
        visitId: future ? null : vid,
        tutorId: tutor,
        topics: [topic],
        taught: `${topic} 방법을 함께 해 봄 (${k + 1}회차). 사장님이 직접 따라 하심. 다음에는 소식 올리기를 연습.`,
        hard: k % 4 === 0 ? '글자가 작아 화면 보기를 어려워하심' : '',
        nextStep: '다음 단계 이어서 진행',
        followUpDate: null,
        writtenAt: at(day, minutes + 45),
        conflictOf: null,
      });
    }
  }
  return out;
}

/** The market's rows in dependency order, as [entity, rows] pairs. */
export function bigMarketGroups(m: BigMarket) {
  return [
    ['market', [m.market]],
    ['tutor', m.tutors],
    ['stall', m.stalls],
    ['consent', m.consents],
    ['step', m.steps],
    ['stepEvent', m.stepEvents],
    ['visit', m.visits],
    ['note', m.notes],
  ] as const;
}
