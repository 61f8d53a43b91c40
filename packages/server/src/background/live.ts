import type { Db } from '../db/db.js';
import type { LiveMessage } from './live-repository.js';

/** An open stream of one user: who is watching (for the visibility check) and where items go. */
export interface Subscriber<V, T> {
  tenantId: string;
  userId: string;
  /** The watcher as the `load` function needs it to decide what they may see. */
  viewer: V;
  send(item: T): void;
  /** Ends the stream (the server is shutting down). */
  close(): void;
}

/**
 * Loads the announced items that `viewer` may see now, in the order they are to be sent. It is the
 * same check as the module's list, handed in by whoever builds the hub (app.ts).
 */
export type LoadVisible<V, T> = (tenantId: string, viewer: V, ids: string[]) => Promise<T[]>;

/**
 * Live delivery. Every app instance LISTENs on the channel (PostgreSQL NOTIFY, sent inside the
 * change's transaction, so it arrives after the commit — or PGlite's in-process equivalent). For
 * each announced item whose user has a stream open here, the hub loads it through `load`, so a user
 * who may no longer see it gets nothing.
 */
export class LiveHub<V, T> {
  private readonly subs = new Map<string, Set<Subscriber<V, T>>>();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Db,
    private readonly channel: string,
    private readonly load: LoadVisible<V, T>,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(this.channel, (payload) => {
      void this.dispatch(payload).catch(() => {});
    });
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.unlisten = undefined;
    for (const set of this.subs.values()) for (const s of set) s.close();
    this.subs.clear();
  }

  subscribe(sub: Subscriber<V, T>): () => void {
    const key = `${sub.tenantId}:${sub.userId}`;
    const set = this.subs.get(key) ?? new Set();
    set.add(sub);
    this.subs.set(key, set);
    return () => {
      set.delete(sub);
      if (set.size === 0) this.subs.delete(key);
    };
  }

  get connections(): number {
    let n = 0;
    for (const s of this.subs.values()) n += s.size;
    return n;
  }

  private async dispatch(payload: string): Promise<void> {
    const msg = JSON.parse(payload) as LiveMessage;
    const byUser = new Map<string, string[]>();
    for (const [id, userId] of msg.a) {
      if (!this.subs.has(`${msg.t}:${userId}`)) continue;
      byUser.set(userId, [...(byUser.get(userId) ?? []), id]);
    }
    for (const [userId, ids] of byUser) {
      const subs = [...(this.subs.get(`${msg.t}:${userId}`) ?? [])];
      const first = subs[0];
      if (!first) continue;
      // Subscribers of one user share partner and roles; check with the first one's viewer.
      const items = await this.load(msg.t, first.viewer, ids);
      for (const item of items) for (const s of subs) s.send(item);
    }
  }
}
