// The pushes of each market this server process is receiving or applying. With two pushes in flight (SYNC.md 3,
// `after`), a tablet's second push can take the market's write lock before its first, whose body is still arriving
// or waiting to be parsed: refused (409 out_of_order), it went back to the tablet, which read its batch again and
// sent it once more (≈ 1 drain in 10 of the bench's, ≈ 8% slower each).
// Now a push whose named change is not answered yet waits for the market's other open pushes (one of them may be
// bringing that change) and is then decided as before. Not only the pushes that arrived before it: a busy server
// takes in both of a tablet's pushes in the same turn of its event loop, in either order (bench probe: the later
// batch registered 0.8 ms before the earlier one, sent 63 ms apart). With none open it waits once, up to
// ARRIVAL_GRACE_MS, for the next push of its market to arrive: the earlier push's request can even reach the server
// after the later one's (on another connection: 21 ms after it in a bench probe, where the 409 and resend cost
// ≈ 200 ms; 1 bench drain in 12 still paid one). A push nothing is bringing the named change for is refused then.
// A push never waits for one that is itself waiting, so no two pushes wait for each other; it waits only for the
// pushes open when it first had to wait (and the one arrival), so a stream of other tablets' pushes cannot hold it.
// Pushes handled by another server process (PostgreSQL with several) are not seen here: those are refused and
// sent again, as before.

/** How long a push whose named change no open push may bring waits for another push of its market to arrive. */
export const ARRIVAL_GRACE_MS = 300;

export interface PushArrival {
  /**
   * Resolves true once one of the market's other open pushes is answered (with none open: once a push that
   * arrives within ARRIVAL_GRACE_MS is answered, the first time only); false when there is none to wait for.
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

interface Market {
  open: Set<Pending>;
  /** Called with each push of the market that arrives (pushes waiting for the next arrival). */
  arrivalWatchers: Set<(p: Pending) => void>;
}

export class PushArrivals {
  private readonly byMarket = new Map<string, Market>();

  /** Registers a push of `marketId` as arrived: call before reading its body, `leave()` once it is answered. */
  arrive(marketId: string): PushArrival {
    const market = this.byMarket.get(marketId) ?? { open: new Set<Pending>(), arrivalWatchers: new Set() };
    this.byMarket.set(marketId, market);
    let settle!: () => void;
    const me: Pending = {
      answered: new Promise<void>((resolve) => (settle = resolve)),
      settle: () => settle(),
      waiting: false,
    };
    market.open.add(me);
    for (const watch of [...market.arrivalWatchers]) watch(me);
    /** The other pushes open when this one first had to wait: the only ones it ever waits for (and the arrival). */
    let others: Pending[] | undefined;
    let graceUsed = false;
    const nextArrival = () =>
      new Promise<Pending | null>((resolve) => {
        const watch = (p: Pending) => done(p);
        const timer = setTimeout(() => done(null), ARRIVAL_GRACE_MS);
        const done = (p: Pending | null) => {
          clearTimeout(timer);
          market.arrivalWatchers.delete(watch);
          resolve(p);
        };
        market.arrivalWatchers.add(watch);
      });
    return {
      async waitForOthers() {
        others ??= [...market.open].filter((p) => p !== me);
        me.waiting = true;
        try {
          let open = others.filter((p) => market.open.has(p) && !p.waiting);
          if (open.length === 0 && !graceUsed) {
            graceUsed = true;
            const newcomer = await nextArrival();
            if (newcomer) {
              others.push(newcomer);
              open = market.open.has(newcomer) && !newcomer.waiting ? [newcomer] : [];
            }
          }
          if (open.length === 0) return false;
          await Promise.race(open.map((p) => p.answered));
          return true;
        } finally {
          me.waiting = false;
        }
      },
      leave: () => {
        if (!market.open.delete(me)) return;
        if (market.open.size === 0 && this.byMarket.get(marketId) === market) this.byMarket.delete(marketId);
        me.settle();
      },
    };
  }
}
