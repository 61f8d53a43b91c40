import { visibleCase } from '../../access/cases.js';
import type { RequestContext } from '../../http/context.js';
import { setFollowing } from './repository.js';

/** Follows a case the caller may see: alerts at every change from now on. */
export function followCase(ctx: RequestContext, caseId: string): Promise<void> {
  return ctx.db.transaction(async (s) => {
    await visibleCase(s, ctx, caseId);
    await setFollowing(s, caseId, ctx.userId, true);
  });
}
