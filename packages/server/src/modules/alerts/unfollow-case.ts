import { visibleCase } from '../../access/cases.js';
import type { RequestContext } from '../../http/context.js';
import { setFollowing } from './repository.js';

export function unfollowCase(ctx: RequestContext, caseId: string): Promise<void> {
  return ctx.db.transaction(async (s) => {
    await visibleCase(s, ctx, caseId);
    await setFollowing(s, caseId, ctx.userId, false);
  });
}
