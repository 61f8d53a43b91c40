import type { Alert } from '@wijkregie/shared';
import type { Db } from '../../db/db.js';
import { TenantScope } from '../../db/scope.js';
import type { Viewer } from '../cases/visibility.js';
import { ALERT_CHANNEL, listAlerts } from './repository.js';

export interface Subscriber {
  tenantId: string;
  viewer: Viewer;
  send(alert: Alert): void;
  /** Ends the stream (the server is shutting down). */
  close(): void;
}

/**
 * Live delivery. Every app instance LISTENs on the alerts channel (PostgreSQL NOTIFY, sent inside
 * the change's transaction, so it arrives after the commit — or PGlite's in-process equivalent).
 * For each new alert whose recipient has a stream open here, the hub loads it through the same
 * visibility SQL as the alert list, so a user who can no longer see the case gets nothing.
 */
export class AlertHub {
  private readonly subs = new Map<string, Set<Subscriber>>();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(private readonly db: Db) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(ALERT_CHANNEL, (payload) => {
      void this.dispatch(payload).catch(() => {});
    });
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.unlisten = undefined;
    for (const set of this.subs.values()) for (const s of set) s.close();
    this.subs.clear();
  }

  subscribe(sub: Subscriber): () => void {
    const key = `${sub.tenantId}:${sub.viewer.userId}`;
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
    const msg = JSON.parse(payload) as { t: string; a: [string, string][] };
    const byUser = new Map<string, string[]>();
    for (const [alertId, userId] of msg.a) {
      if (!this.subs.has(`${msg.t}:${userId}`)) continue;
      byUser.set(userId, [...(byUser.get(userId) ?? []), alertId]);
    }
    for (const [userId, ids] of byUser) {
      const subs = [...(this.subs.get(`${msg.t}:${userId}`) ?? [])];
      if (!subs.length) continue;
      // Subscribers of one user share partner and roles; check with the first one's viewer.
      const { items } = await listAlerts(
        new TenantScope(this.db, msg.t),
        subs[0]!.viewer,
        { ids },
        { limit: ids.length, offset: 0 },
      );
      for (const alert of items.reverse()) for (const s of subs) s.send(alert);
    }
  }
}
