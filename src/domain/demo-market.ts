// A fictional demo market ("햇살시장 (체험용)"), pure and deterministic: the same options give the same records.
// The app loads it locally for a first look; the server seeds from it. All names and phones are made up,
// and merchant names/phones appear only on stalls with a consent on record.
import { CATEGORIES, type BusinessStatus, type StepStatus, type VisitStatus } from './vocabulary';
import { CHECKLIST_TEMPLATE_VERSION, stepId } from './checklist-template';
import type { Consent, Market, Note, Stall, Step, StepEvent, Tutor, Visit } from './entities';

export interface DemoMarket {
  market: Market;
  tutors: Tutor[];
  stalls: Stall[];
  visits: Visit[];
  notes: Note[];
  steps: Step[];
  stepEvents: StepEvent[];
  consents: Consent[];
}

export interface DemoOptions {
  marketId: string;
  now: Date;
  seed?: number;
  /** The market's offset from UTC in minutes, for visit times of day (default Korea, +540). */
  utcOffsetMinutes?: number;
}

export const DEMO_MARKET_ID = 'demo-haessal';
export const DEMO_STALL_COUNT = 60;

const TUTOR_NAMES = ['김하늘', '이서연', '박도윤', '최은비', '정하람'];
const ADJECTIVES = ['햇살', '다온', '푸른', '소담', '한결', '새봄', '보람', '알찬', '정겨운', '으뜸', '늘봄', '해맑은'];
const NOUNS: Record<(typeof CATEGORIES)[number], string> = {
  '청과·채소': '청과',
  정육: '정육점',
  수산: '수산',
  건어물: '건어물',
  반찬: '반찬가게',
  '떡·방앗간': '떡방앗간',
  '김치·젓갈': '젓갈',
  '곡물·견과': '곡물상회',
  '분식·음식점': '분식',
  제과: '베이커리',
  의류: '옷가게',
  '신발·잡화': '잡화점',
  '그릇·주방': '그릇가게',
  침구: '이불가게',
  약재: '약초상회',
  꽃: '꽃집',
  기타: '상회',
};
const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오'];
const GIVEN = ['순자', '영희', '정숙', '말순', '영수', '철수', '미경', '복남', '옥순', '기철', '금자', '상철'];
const LANDMARKS = ['정문 옆', '공영주차장 앞', '고객센터 맞은편', '분수대 근처', '', '', ''];
const BLOCK_REASONS = [
  '사업자등록증이 없음',
  '카카오 계정 비밀번호를 잊어버림',
  '스마트폰 저장 공간 부족',
  '자녀와 상의 후 진행 희망',
];
const PURPOSES = ['채널 개설 안내', '프로필 사진 촬영', '쿠폰·웰컴메시지 만들기', '첫 소식 올리기', '친구 수 확인'];
const TOPICS = ['채널 개설', '프로필', '쿠폰', '소식 발행', '메시지 발송', 'QR 홍보물'];
const DAY = 86_400_000;

/** Small seeded PRNG (mulberry32): deterministic and pure. */
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

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function makeDemoMarket(opts: DemoOptions): DemoMarket {
  const { marketId, now } = opts;
  const rand = rng(opts.seed ?? 20240601);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const offMs = (opts.utcOffsetMinutes ?? 540) * 60_000;
  const nowMs = now.getTime();
  const todayStart = Math.floor((nowMs + offMs) / DAY) * DAY; // local midnight, as if UTC
  const weekday = (new Date(todayStart).getUTCDay() + 6) % 7; // 0 = Monday
  /** Instant of day `d` (relative to today) at hh:mm local time. */
  const at = (d: number, minutes: number) => new Date(todayStart + d * DAY + minutes * 60_000 - offMs).toISOString();
  const localDate = (iso: string) => new Date(new Date(iso).getTime() + offMs).toISOString().slice(0, 10);
  const stamp = now.toISOString();
  const base = (id: string, by: string | null) => ({ id, marketId, updatedAt: stamp, updatedBy: by, deleted: false });

  const market: Market = {
    ...base(marketId, null),
    name: '햇살시장 (체험용)',
    type: '골목형',
    schedule: '상설',
    marketDays: '',
    address: '가상시 햇살구 햇살로 1 (체험용 주소)',
    demo: true,
    autoLockMinutes: 10,
  };
  const tutors: Tutor[] = TUTOR_NAMES.map((name, i) => ({
    ...base(`${marketId}-t${i + 1}`, null),
    name,
    role: i === 0 ? 'lead' : 'tutor',
    active: true,
    pinHash: null,
    pinSalt: null,
    pinIterations: 0,
    locked: false,
  }));
  const tutorIds = tutors.map((t) => t.id);

  const stalls: Stall[] = [];
  const steps: Step[] = [];
  const stepEvents: StepEvent[] = [];
  const consents: Consent[] = [];
  const visits: Visit[] = [];
  const notes: Note[] = [];
  let visitNo = 0;
  const addVisit = (v: Omit<Visit, 'id' | 'marketId' | 'updatedAt' | 'updatedBy' | 'deleted'>): Visit => {
    visitNo += 1;
    const visit: Visit = { ...base(`${marketId}-v${pad(visitNo, 3)}`, v.tutorId), ...v };
    visits.push(visit);
    return visit;
  };

  for (let i = 0; i < DEMO_STALL_COUNT; i++) {
    const category = CATEGORIES[i % CATEGORIES.length] as (typeof CATEGORIES)[number];
    const id = `${marketId}-s${pad(i + 1)}`;
    // Progress: ten stalls not visited yet, the rest spread over the 15 steps.
    const progress = i < 10 ? 0 : Math.min(15, Math.floor(rand() * 16) + (i % 3));
    const blocked = progress > 0 && progress < 15 && rand() < 0.25;
    const tutor = tutorIds[i % tutorIds.length] as string;
    const consented = progress >= 1;
    const business: BusinessStatus =
      progress >= 7 ? 'approved' : progress === 6 ? (blocked ? 'rejected' : 'submitted') : 'not_applied';
    const firstVisitDay = -(weekday + 7) + Math.floor(rand() * 3);
    stalls.push({
      ...base(id, tutor),
      name: `${ADJECTIVES[i % ADJECTIVES.length]}${NOUNS[category]}`,
      category,
      building: ['A동', 'B동', 'C동'][i % 3] as string,
      floor: i % 5 === 4 ? '2' : '1',
      row: ['가열', '나열', '다열', '라열'][Math.floor(i / 3) % 4] as string,
      number: String(101 + i),
      landmark: pick(LANDMARKS),
      merchantName: consented ? `${pick(SURNAMES)}${pick(GIVEN)}` : '',
      merchantPhone: consented ? `010-0000-${pad(1000 + i * 37, 4)}` : '',
      channelName: progress >= 4 ? `${ADJECTIVES[i % ADJECTIVES.length]}${NOUNS[category]}` : '',
      channelSearchId: progress >= 4 ? `haessal${pad(i + 1)}` : '',
      channelUrl: progress >= 4 ? `https://pf.kakao.com/_demo${pad(i + 1)}` : '',
      channelOpened: progress >= 4,
      businessStatus: business,
      friendCount: progress >= 14 ? 80 + Math.floor(rand() * 300) : progress >= 9 ? Math.floor(rand() * 60) : 0,
      friendCountAt: progress >= 9 ? at(-1, 17 * 60) : null,
    });
    if (consented) {
      const consentedAt = at(firstVisitDay, 10 * 60);
      consents.push({
        ...base(`${id}-c1`, tutor),
        stallId: id,
        formVersion: 1,
        purpose: '카카오톡 채널 개설·운영 교육과 사후관리 연락',
        items: ['성명', '휴대전화번호'],
        retentionUntil: localDate(new Date(nowMs + 365 * DAY).toISOString()),
        refusalRightExplained: true,
        sharePartners: rand() < 0.7,
        photoUse: rand() < 0.5,
        contactAfter: rand() < 0.8,
        method: rand() < 0.8 ? 'tablet' : 'paper',
        consentedAt,
        tutorId: tutor,
        deviceId: 'demo-device',
        withdrawnAt: null,
      });
    }
    // Checklist: steps 1..progress done (step 7 not applicable for some), the next one blocked for some.
    const last = blocked ? progress + 1 : progress;
    for (let no = 1; no <= last; no++) {
      const status: StepStatus = no > progress ? 'blocked' : no === 7 && i % 7 === 0 ? 'na' : 'done';
      const when = at(Math.min(0, firstVisitDay + Math.floor(no / 3)), 11 * 60 + no * 5);
      const sid = stepId(id, no);
      const reason = status === 'blocked' ? pick(BLOCK_REASONS) : '';
      steps.push({
        ...base(sid, tutor),
        stallId: id,
        no,
        templateVersion: CHECKLIST_TEMPLATE_VERSION,
        status,
        reason,
        doneBy: status === 'done' ? tutor : null,
        doneAt: status === 'done' ? when : null,
      });
      stepEvents.push({
        ...base(`${sid}~e1`, tutor),
        stallId: id,
        stepId: sid,
        no,
        status,
        reason,
        tutorId: tutor,
        at: when,
      });
    }
    // Visits: done ones in the past for stalls with progress, and upcoming ones this week and next.
    if (progress > 0) {
      const doneCount = 1 + Math.floor(progress / 5);
      for (let k = 0; k < doneCount; k++) {
        const day = Math.min(-1, firstVisitDay + k * 2);
        const statusPast: VisitStatus = k === doneCount - 1 && rand() < 0.15 ? 'missed' : 'done';
        const v = addVisit({
          stallId: id,
          tutorId: tutor,
          scheduledAt: at(day, (9 + (i % 8)) * 60 + (k % 2) * 30),
          durationMin: 30,
          purpose: PURPOSES[Math.min(PURPOSES.length - 1, k)] as string,
          status: statusPast,
          actualMin: statusPast === 'done' ? 25 + Math.floor(rand() * 30) : null,
          completedAt: statusPast === 'done' ? at(day, (9 + (i % 8)) * 60 + 45) : null,
          rescheduledFrom: null,
        });
        if (statusPast === 'done' && rand() < 0.8) {
          const topic = TOPICS[Math.min(TOPICS.length - 1, Math.floor(progress / 3))] as string;
          notes.push({
            ...base(`${id}-n${k + 1}`, tutor),
            stallId: id,
            visitId: v.id,
            tutorId: tutor,
            topics: [topic],
            taught: `${topic} 방법을 함께 해 봄. 사장님이 직접 따라 하심.`,
            hard: blocked && k === doneCount - 1 ? '글자가 작아 화면 보기를 어려워하심' : '',
            nextStep: progress < 15 ? '다음 단계 이어서 진행' : '사후관리 오픈채팅 안내',
            followUpDate: progress < 15 ? localDate(at(2 + (i % 5), 0)) : null,
            writtenAt: v.completedAt ?? v.scheduledAt,
            conflictOf: null,
          });
        }
      }
    }
    if (i >= 5 && progress < 15) {
      // Upcoming: today for a third of the stalls, otherwise later this week or next week.
      const day = i % 3 === 0 ? 0 : 1 + ((i * 5) % (13 - weekday));
      const minutes = (9 + (i % 9)) * 60 + (i % 2) * 30;
      const status: VisitStatus = i % 17 === 0 ? 'cancelled' : 'scheduled';
      if (i % 11 === 0) {
        const old = addVisit({
          stallId: id,
          tutorId: tutor,
          scheduledAt: at(day - 1, minutes),
          durationMin: 30,
          purpose: '일정 변경 전 방문',
          status: 'rescheduled',
          actualMin: null,
          completedAt: null,
          rescheduledFrom: null,
        });
        addVisit({ ...visitFields(old), scheduledAt: at(day, minutes), status, rescheduledFrom: old.id });
      } else {
        addVisit({
          stallId: id,
          tutorId: tutor,
          scheduledAt: at(day, minutes),
          durationMin: i % 4 === 0 ? 60 : 30,
          purpose: progress === 0 ? '첫 방문: 참여 안내' : (PURPOSES[Math.floor(progress / 4)] ?? '방문 상담'),
          status,
          actualMin: null,
          completedAt: null,
          rescheduledFrom: null,
        });
      }
    }
  }
  return { market, tutors, stalls, visits, notes, steps, stepEvents, consents };
}

function visitFields(v: Visit): Omit<Visit, 'id' | 'marketId' | 'updatedAt' | 'updatedBy' | 'deleted'> {
  const { id: _i, marketId: _m, updatedAt: _u, updatedBy: _b, deleted: _d, ...rest } = v;
  return { ...rest, purpose: '일정 변경된 방문' };
}
