import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { DangolDb } from './database';
import { useKeptLiveQuery } from './kept-answers';

const TABLES = ['tutors'] as const;

function Names({ db, read, first }: { db: DangolDb; read: () => Promise<string>; first?: string }) {
  const names = useKeptLiveQuery(db, 'names-test', TABLES, read, first);
  return <p>{names ?? 'loading'}</p>;
}

const tutor = (id: string, name: string) =>
  ({ id, marketId: 'm', name, role: 'tutor', deleted: false, _clocks: {} }) as never;

async function namesOf(db: DangolDb): Promise<string> {
  return (await db.tutors.toArray()).map((t) => t.name).join(', ');
}

describe('kept answers', () => {
  it('start a remount with the last answer, until a change to its table drops it', async () => {
    const db = new DangolDb(`test-${crypto.randomUUID()}`);
    await db.tutors.put(tutor('t1', '김하늘'));
    const first = render(<Names db={db} read={() => namesOf(db)} />);
    expect(await screen.findByText('김하늘')).toBeInTheDocument();
    first.unmount();

    const again = render(<Names db={db} read={() => namesOf(db)} />);
    expect(screen.getByText('김하늘')).toBeInTheDocument(); // in the first render
    again.unmount();

    await db.tutors.put(tutor('t2', '이서연'));
    render(<Names db={db} read={() => namesOf(db)} />);
    expect(screen.getByText('loading')).toBeInTheDocument();
    expect(await screen.findByText('김하늘, 이서연')).toBeInTheDocument();
  });

  it('hold the first value (the start snapshot, given to the first render only) until their own answer', async () => {
    const db = new DangolDb(`test-${crypto.randomUUID()}`);
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const read = async () => {
      await gate;
      return '이서연';
    };
    const view = render(<Names db={db} read={read} first="김하늘" />);
    expect(screen.getByText('김하늘')).toBeInTheDocument();
    // Rendered again before the read answers, without `first` now (the snapshot is dropped after the first render).
    view.rerender(<Names db={db} read={read} />);
    expect(screen.getByText('김하늘')).toBeInTheDocument();
    open();
    expect(await screen.findByText('이서연')).toBeInTheDocument();
  });
});
