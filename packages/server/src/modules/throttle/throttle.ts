import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../../db/db.js';
import type { SystemDb } from '../../db/scope.js';
import { tooManyRequests } from '../../http/errors.js';
import { clearKey, deleteExpired, msUntilFree, releaseSlot, takeSlot } from './repository.js';

/** At most `max` attempts inside any window of `windowMs` (a sliding window, not a clock-aligned one). */
export interface ThrottleRule {
  /** Names the counter, e.g. `login-account`; a rule's keys never mix with another rule's. */
  readonly name: string;
  readonly max: number;
  readonly windowMs: number;
}

/** One attempt that was let through; give it back with `release` when it should not count. */
export interface Slot {
  readonly key: string;
  readonly at: number;
}

export type Taken = { ok: true; slots: Slot[] } | { ok: false; retryAfterSeconds: number };

/** What the residents' endpoints run on (reports, tracking, surveys): no session, so the system handle and the address throttle. */
export interface PublicDeps {
  system: SystemDb;
  throttle: Throttle;
}

/** The stored key: the rule's name and a SHA-256 of the value (an email or client address). */
const keyOf = (rule: ThrottleRule, value: string) =>
  `${rule.name}:${createHash('sha256').update(value).digest('base64url')}`;

class Refused extends Error {
  constructor(readonly retryAfterMs: number) {
    super('throttled');
  }
}

const CLEANUP_BATCH = 1000;

/**
 * Throttles shared by every app instance on the database, used by the login (per account and per
 * address) and by the residents' report and tracking pages (per address).
 *
 * `take` reserves a slot BEFORE the work it guards, atomically in the database: of N requests that
 * arrive together with room for k, exactly k get through, whatever instance they reach. Several
 * rules are taken all or none (one transaction, rows locked in key order, so two logins never
 * deadlock): a refused request counts for nothing. A refusal says when a slot is free again.
 * Counters whose window has passed are deleted now and then by the instances that use them.
 */
export class Throttle {
  private lastCleanup = 0;

  constructor(
    private readonly db: Db,
    private readonly cleanupEveryMs = 60_000,
  ) {}

  /** Takes one slot under each (rule, value), all or none. `slots` are in the order given. */
  async take(...items: [ThrottleRule, string][]): Promise<Taken> {
    this.cleanupNowAndThen();
    const keyed = items.map(([rule, value], i) => ({ rule, key: keyOf(rule, value), i }));
    try {
      const slots =
        keyed.length === 1
          ? await this.takeAll(this.db, keyed)
          : await this.db.transaction((tx) =>
              this.takeAll(
                tx,
                [...keyed].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
              ),
            );
      return { ok: true, slots: keyed.map((k) => slots[k.i]!) };
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(err.retryAfterMs / 1000)) };
    }
  }

  /** `take`, or 429 with `refusal` (the caller's words) and when to try again. Answers the slots. */
  async takeOrRefuse(refusal: string, ...items: [ThrottleRule, string][]): Promise<Slot[]> {
    const taken = await this.take(...items);
    if (!taken.ok) throw tooManyRequests(refusal, taken.retryAfterSeconds);
    return taken.slots;
  }

  private async takeAll(
    q: Queryable,
    keyed: { rule: ThrottleRule; key: string; i: number }[],
  ): Promise<Slot[]> {
    const slots: Slot[] = [];
    let refusedMs: number | undefined;
    for (const { rule, key, i } of keyed) {
      const at = await takeSlot(q, key, rule.windowMs, rule.max);
      if (at === undefined) {
        // At most a window: a hit of a request that started later but got the row first may lie
        // a moment after this statement's `now()`.
        const ms = Math.min(rule.windowMs, await msUntilFree(q, key, rule.windowMs, rule.max));
        refusedMs = Math.max(refusedMs ?? 0, ms);
      } else {
        slots[i] = { key, at };
      }
    }
    // Throwing rolls the transaction back: the slots taken under the other rules are not kept.
    if (refusedMs !== undefined) throw new Refused(refusedMs);
    return slots;
  }

  /** Gives a slot back (the attempt turned out not to count, e.g. a successful login). */
  release(slot: Slot): Promise<void> {
    return releaseSlot(this.db, slot.key, slot.at);
  }

  /** Forgets every attempt under (rule, value), e.g. an account's failures after a success. */
  clear(rule: ThrottleRule, value: string): Promise<void> {
    return clearKey(this.db, keyOf(rule, value));
  }

  /** Deletes every counter whose window has passed; returns how many. */
  async cleanup(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await deleteExpired(this.db, CLEANUP_BATCH);
      total += n;
      if (n < CLEANUP_BATCH) return total;
    }
  }

  private cleanupNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastCleanup < this.cleanupEveryMs) return;
    this.lastCleanup = now;
    // In the background: a request never waits for it, and a failure only means a later try.
    void this.cleanup().catch(() => {});
  }
}
