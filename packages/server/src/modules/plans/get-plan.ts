import type { Plan } from '@wijkregie/shared';
import { readVisibleCase } from '../../access/cases.js';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { planFor } from './plan-view.js';

/**
 * `GET /cases/:id/plan`: the plan as the caller may see it (see `planFor`), or 404 for a case the
 * caller does not see. The read is recorded once, naming the goals handed out.
 */
export async function getPlan(ctx: RequestContext, caseId: string): Promise<Plan> {
  const s = ctx.db.read;
  const c = (await readVisibleCase(s, ctx, caseId)).case;
  const plan = await planFor(s, viewerOf(ctx), c);
  await ctx.auditRead([
    {
      action: 'read',
      objectType: 'plan',
      objectId: caseId,
      objectIds: [caseId, ...plan.goals.map((g) => g.id), ...plan.linkedGoals.map((g) => g.id)],
      personIds: c.personIds,
      processingActivityId: c.processingActivityId,
      details: { goals: plan.goals.length, scores: plan.latestScores.length },
    },
  ]);
  return plan;
}
