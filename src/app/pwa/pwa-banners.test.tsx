// The service-worker notices as a tutor meets them: update only on tap and never while typing, the offline
// notice once, the install button and the iPad hint.
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n/index';
import { PwaBanners } from './pwa-banners';
import { UpdateBanner } from './update-banner';

const sw = vi.hoisted(() => ({
  needRefresh: false,
  offlineReady: false,
  updateServiceWorker: vi.fn(async (_reload?: boolean) => {}),
}));

vi.mock('virtual:pwa-register/react', () => ({
  useRegisterSW: () => ({
    needRefresh: [sw.needRefresh, () => {}],
    offlineReady: [sw.offlineReady, () => {}],
    updateServiceWorker: sw.updateServiceWorker,
  }),
}));

const IPAD_SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';

beforeEach(() => {
  localStorage.clear();
  sw.needRefresh = false;
  sw.offlineReady = false;
  sw.updateServiceWorker.mockClear();
  initI18n('ko');
  vi.restoreAllMocks();
});

describe('update banner', () => {
  it('reloads onto the new version only when the tutor taps update', async () => {
    sw.needRefresh = true;
    const user = userEvent.setup();
    render(<PwaBanners />);
    const button = await screen.findByRole('button', { name: '지금 업데이트' });
    expect(sw.updateServiceWorker).not.toHaveBeenCalled();
    await user.click(button);
    expect(sw.updateServiceWorker).toHaveBeenCalledWith(true);
  });

  it('stays hidden while a text field has focus and appears after it loses focus', async () => {
    const user = userEvent.setup();
    const onUpdate = vi.fn();
    const { rerender } = render(
      <>
        <label>
          메모
          <textarea />
        </label>
        <button type="button">저장</button>
        <UpdateBanner needRefresh={false} onUpdate={onUpdate} settleMs={30} />
      </>,
    );
    await user.click(screen.getByRole('textbox', { name: '메모' }));
    await user.keyboard('오늘 배운 것');
    rerender(
      <>
        <label>
          메모
          <textarea />
        </label>
        <button type="button">저장</button>
        <UpdateBanner needRefresh onUpdate={onUpdate} settleMs={30} />
      </>,
    );
    await new Promise((r) => setTimeout(r, 80));
    expect(screen.queryByRole('button', { name: '지금 업데이트' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '저장' }));
    expect(await screen.findByRole('button', { name: '지금 업데이트' })).toBeVisible();
    expect(onUpdate).not.toHaveBeenCalled();
  });

  it('can be put off with "later"', async () => {
    sw.needRefresh = true;
    const user = userEvent.setup();
    render(<PwaBanners />);
    await user.click(await screen.findByRole('button', { name: '나중에' }));
    expect(screen.queryByRole('button', { name: '지금 업데이트' })).not.toBeInTheDocument();
    expect(sw.updateServiceWorker).not.toHaveBeenCalled();
  });

  it('speaks English when the tablet is set to English', async () => {
    sw.needRefresh = true;
    initI18n('en');
    render(<PwaBanners />);
    expect(await screen.findByRole('button', { name: 'Update now' })).toBeInTheDocument();
  });
});

describe('offline-ready notice', () => {
  it('shows the first time only', async () => {
    sw.offlineReady = true;
    const user = userEvent.setup();
    const first = render(<PwaBanners />);
    expect(await screen.findByText('이제 인터넷이 없어도 단골을 쓸 수 있습니다.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '확인' }));
    expect(screen.queryByText('이제 인터넷이 없어도 단골을 쓸 수 있습니다.')).not.toBeInTheDocument();
    first.unmount();
    render(<PwaBanners />);
    expect(screen.queryByText('이제 인터넷이 없어도 단골을 쓸 수 있습니다.')).not.toBeInTheDocument();
  });
});

describe('install', () => {
  it('offers an install button when the browser fires beforeinstallprompt', async () => {
    const user = userEvent.setup();
    render(<PwaBanners />);
    expect(screen.queryByRole('button', { name: '앱 설치' })).not.toBeInTheDocument();
    const prompt = vi.fn(async () => {});
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt,
      userChoice: Promise.resolve({ outcome: 'accepted' as const }),
    });
    act(() => {
      window.dispatchEvent(event);
    });
    expect(event.defaultPrevented).toBe(true);
    await user.click(await screen.findByRole('button', { name: '앱 설치' }));
    expect(prompt).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.queryByRole('button', { name: '앱 설치' })).not.toBeInTheDocument());
  });

  it('shows the "홈 화면에 추가" hint on iPad Safari until dismissed', async () => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(IPAD_SAFARI);
    vi.spyOn(navigator, 'maxTouchPoints', 'get').mockReturnValue(5);
    const user = userEvent.setup();
    const first = render(<PwaBanners />);
    expect(await screen.findByText(/홈 화면에 추가/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '닫기' }));
    expect(screen.queryByText(/홈 화면에 추가/)).not.toBeInTheDocument();
    first.unmount();
    render(<PwaBanners />);
    expect(screen.queryByText(/홈 화면에 추가/)).not.toBeInTheDocument();
  });

  it('shows no iPad hint on a Mac without touch', () => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(IPAD_SAFARI);
    vi.spyOn(navigator, 'maxTouchPoints', 'get').mockReturnValue(0);
    render(<PwaBanners />);
    expect(screen.queryByText(/홈 화면에 추가/)).not.toBeInTheDocument();
  });
});
