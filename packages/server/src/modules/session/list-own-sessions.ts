import type { OwnSessionList } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { listLiveSessions } from './repository.js';

/** `GET /session/sessions`: the logged-in user's live sessions, this one marked `current`. */
export async function listOwnSessions(
  ctx: RequestContext,
  limits: { idleMs: number; absoluteMs: number },
): Promise<OwnSessionList> {
  const s = ctx.db.read;
  const found = await listLiveSessions(s.q, s.tenantId, ctx.userId, limits);
  return {
    items: found.map((r) => ({
      id: r.id,
      createdAt: r.created_at.toISOString(),
      lastSeenAt: r.last_seen_at.toISOString(),
      userAgent: r.user_agent,
      current: r.id === ctx.sessionId,
    })),
  };
}
