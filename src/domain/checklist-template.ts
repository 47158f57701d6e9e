// The channel-setup checklist template (PRODUCT.md, version 1). Versioned: a stall's steps record the
// template version they were made from, so a later template never silently renumbers old progress.

export interface TemplateStep {
  readonly no: number;
  readonly ko: string;
  readonly en: string;
  readonly detailKo: string;
  readonly detailEn: string;
}

export const CHECKLIST_TEMPLATE_VERSION = 1;

export const CHECKLIST_TEMPLATE_V1: readonly TemplateStep[] = [
  {
    no: 1,
    ko: '참여 신청·개인정보 동의',
    en: 'Sign-up and privacy consent',
    detailKo: '참여 신청서와 개인정보 수집·이용 동의',
    detailEn: 'Sign-up form and consent to collect and use personal data',
  },
  {
    no: 2,
    ko: '준비물 확인',
    en: 'Check what is needed',
    detailKo: '스마트폰, 카카오 계정, 사업자등록증(유/무), 가게 사진',
    detailEn: 'Smartphone, Kakao account, business registration certificate (yes/no), shop photos',
  },
  {
    no: 3,
    ko: '채널 관리자 앱 설치·로그인',
    en: 'Install the admin app and sign in',
    detailKo: '상인이 채널 마스터로 직접 로그인',
    detailEn: 'The merchant signs in as the channel master',
  },
  {
    no: 4,
    ko: '채널 개설',
    en: 'Open the channel',
    detailKo: '채널 이름, 검색용 아이디(변경 불가, 15자 이내), 카테고리',
    detailEn: 'Channel name, search ID (permanent, up to 15 characters), category',
  },
  {
    no: 5,
    ko: '프로필 설정',
    en: 'Set up the profile',
    detailKo: '프로필 사진(640×640), 한 줄 소개, 주소, 영업시간, 전화번호',
    detailEn: 'Profile photo (640×640), one-line intro, address, hours, phone',
  },
  {
    no: 6,
    ko: '공개·검색허용 설정',
    en: 'Public and searchable',
    detailKo: '채널 공개와 검색 허용',
    detailEn: 'Channel public and searchable',
  },
  {
    no: 7,
    ko: '비즈니스 채널 신청',
    en: 'Apply for a business channel',
    detailKo: '비즈니스 인증: 미신청 / 신청 / 승인 / 반려',
    detailEn: 'Business verification: not applied / submitted / approved / rejected',
  },
  {
    no: 8,
    ko: '관리자 추가인증·1:1 채팅 설정',
    en: 'Admin verification and 1:1 chat',
    detailKo: '관리자 추가 인증, 1:1 채팅 켜기, 운영시간, 부재 메시지',
    detailEn: 'Extra admin verification; 1:1 chat on, hours, away message',
  },
  {
    no: 9,
    ko: '친구추가 쿠폰 만들기',
    en: 'Make a friend-add coupon',
    detailKo: '채널을 친구 추가한 손님에게 주는 쿠폰',
    detailEn: 'A coupon for customers who add the channel',
  },
  {
    no: 10,
    ko: '웰컴메시지 설정',
    en: 'Set the welcome message',
    detailKo: '쿠폰 버튼이 있는 웰컴메시지(400자 이내)',
    detailEn: 'Welcome message (up to 400 characters) with the coupon button',
  },
  { no: 11, ko: '첫 소식 발행', en: 'Publish the first post', detailKo: '오늘의 상품 소식', detailEn: "Today's goods" },
  {
    no: 12,
    ko: 'QR·홍보물 비치',
    en: 'QR code and signage',
    detailKo: 'QR 코드·채널 주소 안내물과 웰컴키트를 가게에 비치',
    detailEn: 'QR code / channel URL signage and welcome kit at the stall',
  },
  {
    no: 13,
    ko: '캐시 확인·첫 메시지 발송',
    en: 'Message cash and first broadcast',
    detailKo: '메시지 캐시 확인, "(광고)" 표시와 수신거부 안내를 넣은 첫 메시지',
    detailEn: 'Message cash ready; first broadcast with the "(광고)" label and opt-out',
  },
  {
    no: 14,
    ko: '친구 수 확인·수료',
    en: 'Friend count and completion',
    detailKo: '친구 수 확인, 수료',
    detailEn: 'Friend count checked; completion',
  },
  {
    no: 15,
    ko: '사후관리 오픈채팅 참여',
    en: 'Join the follow-up open chat',
    detailKo: '사후관리 오픈채팅방 참여',
    detailEn: 'Joined the follow-up open chat',
  },
];

export const CHECKLIST_TEMPLATES: Readonly<Record<number, readonly TemplateStep[]>> = {
  1: CHECKLIST_TEMPLATE_V1,
};

/** Step numbers whose completion marks funnel stages (overview). */
export const FUNNEL_STEPS = { consent: 1, channelOpened: 4, businessVerified: 7, completed: 14 } as const;

/** Deterministic id of a stall's checklist step, so two tablets ticking one step edit one record. */
export function stepId(stallId: string, stepNo: number): string {
  return `${stallId}:s${stepNo}`;
}

/** The stall a step belongs to, read back from its id (`stepId`); undefined for an id not of that form. */
export function stallOfStepId(id: string): string | undefined {
  const at = id.lastIndexOf(':s');
  if (at <= 0 || at + 2 >= id.length) return undefined;
  for (let i = at + 2; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return id.slice(0, at);
}
