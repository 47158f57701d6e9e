// The pushes of each market this server process is receiving or applying. With two pushes in flight (SYNC.md 3,
// `after`), a tablet's second push can take the market's write lock before its first, whose body is still arriving
// or waiting to be parsed: refused (409 out_of_order), it went back to the tablet, which read its batch again and
// sent it once more (≈ 1 drain in 10 of the bench's, ≈ 8% slower each).
// Now a push whose named change is not answered yet waits for the market's other open pushes (one of them may be
// bringing that change) and is then decided as before; with none open it is refused at once.
// Not only the pushes that arrived before it: when the server is busy applying a batch, both pushes of a tablet
// are often taken in in the same turn of its event loop, in either order (bench probe: the later batch
// registered 0.8 ms before the earlier one, sent 63 ms apart — 1 drain in 30, ≈ 200 ms lost to the resend).
// A push never waits for one that is itself waiting, so no two pushes wait for each other, and it waits only for
// the pushes open when it first had to wait, so a stream of other tablets' pushes cannot hold it forever.
// Pushes handled by another server process (PostgreSQL with several) are not seen here: those are refused and
// sent again, as before.

export interface PushArrival {
  /**
   * Resolves true once one of the market's other open pushes is answered, false at once if none is left to wait
   * for (none open, or all of them waiting themselves).
   */
  waitForOthers(): Promise<boolean>;
  /** This push is answered (or failed): the pushes waiting for it may go on. */
  leave(): void;
}

interface Pending {
  answered: Promise<void>;
  settle: () => void;
  /** Waiting in waitForOthers: no other push waits for this one meanwhile. */
  waiting: boolean;
}

export class PushArrivals {
  private readonly byMarket = new Map<string, Set<Pending>>();

  /** Registers a push of `marketId` as arrived: call before reading its body, `leave()` once it is answered. */
  arrive(marketId: string): PushArrival {
    const market = this.byMarket.get(marketId) ?? new Set<Pending>();
    this.byMarket.set(marketId, market);
    let settle!: () => void;
    const me: Pending = {
      answered: new Promise<void>((resolve) => (settle = resolve)),
      settle: () => settle(),
      waiting: false,
    };
    market.add(me);
    /** The other pushes open when this one first had to wait: the only ones it ever waits for. */
    let others: Pending[] | undefined;
    return {
      async waitForOthers() {
        others ??= [...market].filter((p) => p !== me);
        const open = others.filter((p) => market.has(p) && !p.waiting);
        if (open.length === 0) return false;
        me.waiting = true;
        try {
          await Promise.race(open.map((p) => p.answered));
        } finally {
          me.waiting = false;
        }
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
