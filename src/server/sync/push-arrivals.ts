// The pushes of each market this server process is receiving or applying, in the order their requests arrived.
// With two pushes in flight (SYNC.md 3, `after`), a tablet's second push can take the market's write lock before
// its first, whose body is still arriving or waiting to be parsed: refused (409 out_of_order), it went back to the
// tablet, which read its batch again and sent it once more (≈ 1 drain in 10 of the bench's, ≈ 8% slower each).
// Now it waits for the pushes that arrived before it to be answered and is then decided as before; a push naming a
// change that no earlier push in this process will answer is still refused at once. Pushes handled by another
// server process (PostgreSQL with several) are not seen here: those are refused and sent again, as before.

export interface PushArrival {
  /** Resolves true once one of the pushes that arrived before this one is answered, false if none is left. */
  waitForEarlier(): Promise<boolean>;
  /** This push is answered (or failed): the pushes after it may go on. */
  leave(): void;
}

interface Pending {
  answered: Promise<void>;
  settle: () => void;
}

export class PushArrivals {
  private readonly byMarket = new Map<string, Set<Pending>>();

  /** Registers a push of `marketId` as arrived: call before reading its body, `leave()` once it is answered. */
  arrive(marketId: string): PushArrival {
    const market = this.byMarket.get(marketId) ?? new Set<Pending>();
    this.byMarket.set(marketId, market);
    const earlier = [...market];
    let settle!: () => void;
    const me: Pending = { answered: new Promise<void>((resolve) => (settle = resolve)), settle: () => settle() };
    market.add(me);
    return {
      async waitForEarlier() {
        const open = earlier.filter((p) => market.has(p));
        if (open.length === 0) return false;
        await Promise.race(open.map((p) => p.answered));
        return true;
      },
      leave: () => {
        if (!market.delete(me)) return;
        if (market.size === 0 && this.byMarket.get(marketId) === market) this.byMarket.delete(marketId);
        me.settle();
      },
    };
  }
}
