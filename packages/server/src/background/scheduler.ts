/** A piece of background work: a name for the error log and what to run. */
export interface Job {
  name: string;
  run: () => Promise<unknown>;
}

export interface SchedulerOptions {
  /** Run one after the other on every tick, in this order. */
  jobs: readonly Job[];
  /** How often the jobs run (`WIJKREGIE_JOB_INTERVAL_MS`, default 30 s). */
  intervalMs?: number;
  onError?: (job: string, err: unknown) => void;
}

/**
 * The background work of one app instance: the jobs main.ts hands in (overdue detection, digests,
 * the outbox for retries, …), at start and then on a fixed interval. Every instance runs it; each
 * job's SQL makes that safe (rows claimed with SKIP LOCKED, once-per-day marks). A job that fails is
 * reported and the next one runs; ticks never overlap.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;

  constructor(private readonly o: SchedulerOptions) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.o.intervalMs ?? 30_000);
    this.timer.unref();
    void this.tick();
  }

  /** Runs every job once, unless a tick is under way (then answers that one). */
  tick(): Promise<void> {
    this.ticking ??= (async () => {
      for (const job of this.o.jobs) {
        try {
          await job.run();
        } catch (err) {
          this.o.onError?.(job.name, err);
        }
      }
    })().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  /** Stops the interval and waits for a tick under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
  }
}
