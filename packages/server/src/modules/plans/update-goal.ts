import { can, type Goal, type UpdateGoal } from '@wijkregie/shared';
import { findCase } from '../../access/case-record.js';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { planChanged } from './plan-changed.js';
import { goalAccess, goalValues, readableGoal, updateGoalRow } from './repository.js';

const NOT_FOUND = 'Dit doel bestaat niet of is niet zichtbaar voor jou.';

/**
 * `PATCH /goals/:id`: text, target score, date or status of a goal. A goal of a case the caller does
 * not see, or of a domain the caller's partner may not read, does not exist for them (404); reading
 * without writing the domain's category is 403; a closed case is 409. Audited with before and after.
 */
export function updateGoal(ctx: RequestContext, id: string, input: UpdateGoal): Promise<Goal> {
  return ctx.db.transaction(async (s) => {
    const v = viewerOf(ctx);
    const g = (await goalAccess(s, v, [id], true)).get(id);
    if (!g) throw notFound(NOT_FOUND);
    const c = await findCase(s, g.case_id);
    if (!c || !can(ctx, 'case.read', { case: c }) || !g.readable) throw notFound(NOT_FOUND);
    if (!g.writable) throw forbidden('Jouw organisatie mag de doelen op dit leefgebied niet wijzigen.');
    if (c.status === 'closed') throw conflict('De casus is afgesloten; heropen hem eerst.');

    const before = await goalValues(s, id);
    await updateGoalRow(s, id, ctx.userId, input);
    const after = await goalValues(s, id);
    await planChanged(s, ctx, c.id, 'plan_changed', [g.category]);
    await audit(s, ctx, {
      action: 'update',
      objectType: 'goal',
      objectId: id,
      objectIds: [c.id, id],
      personIds: c.personIds,
      processingActivityId: c.processingActivityId,
      details: { caseId: c.id, domain: g.domain, before, after },
    });
    const goal = await readableGoal(s, v, c.id, id);
    if (!goal) throw new Error('the goal just changed is not readable by its author');
    return goal;
  });
}
