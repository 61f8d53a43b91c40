import type { ActionDetail } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { amsterdamDate } from '../../lib/time.js';
import { present, visibleAction } from './action-view.js';
import { actionHistory } from './repository.js';

/** `GET /actions/:id`: the action with the history of its changes. */
export async function getAction(ctx: RequestContext, id: string): Promise<ActionDetail> {
  const s = ctx.db.read;
  const { a, c } = await visibleAction(s, ctx, id);
  const history = await actionHistory(s, id);
  await ctx.auditRead([
    {
      action: 'read',
      objectType: 'action',
      objectId: id,
      personIds: c.personIds,
      processingActivityId: c.processingActivityId,
      details: { caseId: c.id },
    },
  ]);
  return { ...present(ctx, a, amsterdamDate()), history };
}
