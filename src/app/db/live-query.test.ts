import { describe, expect, it } from 'vitest';
import { liveQuery } from 'dexie';
import { DangolDb } from './database';
import { closedLater } from './live-query';

const tutor = (id: string, name: string) =>
  ({ id, marketId: 'm', name, role: 'tutor', deleted: false, _clocks: {} }) as never;

describe('live queries closed later', () => {
  it('stop answering as soon as they end, and close with Dexie in the next task', async () => {
    const db = new DangolDb(`test-${crypto.randomUUID()}`);
    const query = liveQuery(() => db.tutors.count());
    const subscriptions: { closed: boolean }[] = [];
    const subscribe = query.subscribe.bind(query);
    query.subscribe = ((...args: Parameters<typeof subscribe>) => {
      const sub = subscribe(...args);
      subscriptions.push(sub);
      return sub;
    }) as typeof query.subscribe;
    const answers: number[] = [];
    let answered: () => void = () => {};
    const end = closedLater(query).subscribe((n: number) => {
      answers.push(n);
      answered();
    }) as () => void;
    await new Promise<void>((resolve) => (answered = resolve));
    expect(answers).toEqual([0]);

    end();
    expect(subscriptions[0]!.closed).toBe(false); // closed in the next task, not in the one that ended it
    await db.tutors.put(tutor('t1', '김하늘'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(subscriptions[0]!.closed).toBe(true);
    expect(answers).toEqual([0]); // the change after the end is never answered
  });
});
