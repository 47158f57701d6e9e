import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { freshDb, renderApp } from '../../../../tests/support/render-app';
import type { DangolDb } from '../../db/database';
import { exportBackup } from '../../db/repos/backup';
import { seedStall, seedTutor, seedVisit } from '../../db/repos/visits-test-seed';
import { mutate } from '../../db/mutate';

/** Everything the tablet holds, as comparable data (the export minus its timestamp). */
async function snapshot(db: DangolDb) {
  const { exportedAt: _e, ...rest } = await exportBackup(db);
  return rest;
}

function captureDownloads() {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b: Blob | MediaSource) => {
    blobs.push(b as Blob);
    return 'blob:dangol-test';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return blobs;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Settings', () => {
  it('switches the language to English and back at once, and keeps it', async () => {
    const db = await freshDb();
    const { user } = renderApp('/settings');
    await user.click(await screen.findByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Today' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect((await db.meta.get('language'))?.value).toBe('en');

    await user.click(screen.getByRole('radio', { name: '한국어' }));
    expect(await screen.findByRole('heading', { level: 1, name: '설정' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('ko');
    expect((await db.meta.get('language'))?.value).toBe('ko');
  });

  it('shows storage protection and use in MB, and links to sync', async () => {
    await freshDb();
    Object.defineProperty(navigator, 'storage', {
      configurable: true,
      value: {
        persisted: async () => true,
        persist: async () => true,
        estimate: async () => ({ usage: 5 * 1024 * 1024, quota: 1000 * 1024 * 1024 }),
      },
    });
    onTestFinished(() => {
      delete (navigator as { storage?: unknown }).storage;
    });
    renderApp('/settings');
    expect(await screen.findByText('지워지지 않게 보호됨')).toBeInTheDocument();
    expect(screen.getByText('사용 5.0 MB / 전체 1000 MB')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '동기화·태블릿 등록' })).toHaveAttribute('href', '/sync');
  });

  it('exports everything and imports it back equal; refuses broken, foreign and wrong-version files unchanged', async () => {
    const db = await freshDb({ tutorId: 't1' });
    await seedTutor(db, 't1', '김하늘', 'lead');
    await seedStall(db, 's1', '행복청과');
    await seedVisit(db, 'v1', 's1', new Date(), { tutorId: 't1' });
    const blobs = captureDownloads();
    const { user } = renderApp('/settings');

    await user.click(await screen.findByRole('button', { name: '모든 자료 내보내기' }));
    expect(await screen.findByText(/파일로 내보냈습니다/)).toBeInTheDocument();
    const text = await blobs[0]!.text();
    const file = JSON.parse(text) as { format: string; version: number; tables: { outbox: unknown[] } };
    expect(file.format).toBe('dangol-backup');
    expect(file.version).toBe(1);
    expect(file.tables.outbox).toHaveLength(3);
    const before = await snapshot(db);

    // Change the tablet after the export; the import brings back exactly what was exported.
    await seedStall(db, 's2', '바다수산');
    await mutate(db, { entity: 'visit', id: 'v1', fields: { status: 'cancelled' } });
    const input = screen.getByLabelText('가져올 파일');
    await user.upload(input, new File([text], 'backup.json', { type: 'application/json' }));
    const confirm = await screen.findByRole('group', { name: '이 파일로 바꿀까요?' });
    expect(within(confirm).getByText(/점포 1곳, 방문 1건/)).toBeInTheDocument();
    await user.click(within(confirm).getByRole('button', { name: '가져오기' }));
    expect(await screen.findByText('가져왔습니다: 점포 1곳, 방문 1건')).toBeInTheDocument();
    expect(await snapshot(db)).toEqual(before);

    const refused = async (content: string, message: RegExp) => {
      const was = await snapshot(db);
      await user.upload(
        screen.getByLabelText('가져올 파일'),
        new File([content], 'x.json', { type: 'application/json' }),
      );
      expect(await screen.findByRole('alert')).toHaveTextContent(message);
      expect(screen.queryByRole('group', { name: '이 파일로 바꿀까요?' })).toBeNull();
      expect(await snapshot(db)).toEqual(was);
    };
    await refused('{"format":"dangol-backup", "tables": [', /JSON 형식이 아님/);
    await refused(JSON.stringify({ hello: 'world' }), /단골 내보내기 파일이 아닙니다\. 아무것도/);
    await refused(JSON.stringify({ ...file, version: 2 }), /지원하지 않는 버전\(2\)/);
    const broken = JSON.parse(text) as { tables: { visits: { scheduledAt: string }[] } };
    broken.tables.visits[0]!.scheduledAt = 'tomorrow-ish';
    await refused(JSON.stringify(broken), /tables\.visits\.0\.scheduledAt/);
  });

  it('loads the demo market in one tap, marks it as demo, and removes it', async () => {
    const db = await freshDb();
    const { user } = renderApp('/settings');
    await user.click(await screen.findByRole('button', { name: '체험용 시장 불러오기' }));
    expect(await screen.findByText('체험용 시장을 불러왔습니다')).toBeInTheDocument();
    expect(await screen.findByText('체험용 시장', { selector: '.badge-demo' })).toBeInTheDocument();
    expect(await db.stalls.count()).toBe(60);
    expect(await db.outbox.count()).toBe(0);
    expect(await screen.findByText(/지금 쓰는 튜터: 김하늘/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '체험용 시장 지우기' }));
    expect(await screen.findByText('체험용 시장을 지웠습니다')).toBeInTheDocument();
    await waitFor(async () => expect(await db.stalls.count()).toBe(0));
    expect((await db.meta.get('demo'))?.value).toBe(false);
  });

  it('refuses the demo on a tablet with real data, changing nothing', async () => {
    const db = await freshDb();
    await seedStall(db, 's1', '행복청과');
    const { user } = renderApp('/settings');
    await user.click(await screen.findByRole('button', { name: '체험용 시장 불러오기' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('실제 시장 자료가 있어');
    expect(await db.stalls.count()).toBe(1);
    expect((await db.meta.get('marketId'))?.value).toBe('m-test');
  });
});
