import type { Db } from '../db/db.js';

/** The back-off settings of a queue that retries a failed delivery later. */
export interface Backoff {
  backoffBaseMs: number;
  backoffMaxMs: number;
}

/**
 * How long to wait after attempt n before the next: base · 2^(n-1), capped, with ±20 % jitter so that the
 * retries of one outage do not all come back at the same moment.
 */
export function backoffMs(attempts: number, o: Backoff): number {
  const exp = Math.min(o.backoffMaxMs, o.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp * (0.8 + Math.random() * 0.4));
}

/** Handles the items of a claimed batch, at most `concurrency` at the same time. */
export async function inLanes<T>(
  items: readonly T[],
  concurrency: number,
  handle: (item: T) => Promise<void>,
): Promise<void> {
  const queue = [...items];
  const lane = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) await handle(item);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}

/**
 * The drain loop of a queue worker (outbox, webhooks): runs batches until one comes back empty. A call while
 * a drain runs joins it and makes it go round once more, so work announced during a run is not missed and
 * two drains never claim side by side in one process.
 */
export class Drain {
  private running: Promise<number> | undefined;
  private again = false;
  private unlisten: (() => Promise<void>) | undefined;

  /** `runOnce` handles one batch and answers how many rows it handled. */
  constructor(private readonly runOnce: () => Promise<number>) {}

  /** Runs until no due row is left; concurrent calls coalesce. Answers the number handled. */
  run(): Promise<number> {
    if (this.running !== undefined) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let total = 0;
      try {
        do {
          this.again = false;
          let n: number;
          do {
            n = await this.runOnce();
            total += n;
          } while (n > 0);
        } while (this.again);
      } finally {
        this.running = undefined;
      }
      return total;
    })();
    return this.running;
  }

  /** Drains as soon as a commit announces new rows (NOTIFY on `channel`), on every instance. */
  async listen(db: Db, channel: string, onError?: (err: unknown) => void): Promise<void> {
    this.unlisten = await db.listen(channel, () => {
      void this.run().catch((err: unknown) => onError?.(err));
    });
  }

  /** Stops listening. */
  async stopListening(): Promise<void> {
    await this.unlisten?.();
    this.unlisten = undefined;
  }

  /** Settles when the running drain, if any, has ended (its error is the caller's of `run`). */
  async finished(): Promise<void> {
    await this.running?.catch(() => undefined);
  }
}
