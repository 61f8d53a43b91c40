import type { Queryable } from '../db/db.js';
import { execute } from '../db/rows.js';

/** What one announcement carries: the tenant and, per new item, its id and the user it is for. */
export interface LiveMessage {
  t: string;
  a: [string, string][];
}

/** NOTIFY payloads are limited to 8000 bytes: at most this many items go into one. */
const PER_NOTIFY = 60;

/**
 * Announces new items for live streams on `channel`, inside the caller's transaction: PostgreSQL
 * delivers the NOTIFY only at commit, to every app instance on the database. No content travels,
 * only ids; each instance loads what its subscribers may see (live.ts).
 */
export async function announceLive(
  q: Queryable,
  channel: string,
  tenantId: string,
  items: readonly { id: string; userId: string }[],
): Promise<void> {
  for (let i = 0; i < items.length; i += PER_NOTIFY) {
    const message: LiveMessage = {
      t: tenantId,
      a: items.slice(i, i + PER_NOTIFY).map((x) => [x.id, x.userId]),
    };
    await execute(q, `SELECT pg_notify('${channel}', $1)`, [JSON.stringify(message)]);
  }
}
