import type { Situation } from '@wijkregie/shared';
import { visibleCase } from '../../access/cases.js';
import type { RequestContext } from '../../http/context.js';
import { amsterdamDate } from '../../lib/time.js';
import { isFollowing } from './repository.js';
import { caseChangesSince, recordLook } from './situation-repository.js';

/**
 * The "current situation" of a case for the caller: what changed since their previous look
 * (entries only in categories their partner may read, never their own), and the open and overdue
 * actions now. Remembers this look for the next time.
 */
export async function getSituation(ctx: RequestContext, caseId: string): Promise<Situation> {
  // No read record of its own: the situation (counts and status changes, no content) is a part of
  // the case view, whose `GET /cases/:id` records the read of the case once.
  return ctx.db.transaction(async (s) => {
    await visibleCase(s, ctx, caseId);
    const changes = await caseChangesSince(s, caseId, ctx.userId, ctx.partnerId, amsterdamDate());
    await recordLook(s, caseId, ctx.userId);
    const following = await isFollowing(s.q, s.tenantId, caseId, ctx.userId);
    return { caseId, ...changes, following };
  });
}
