import type { ActionList, ActionListQuery } from '@wijkregie/shared';
import { visibleCase } from '../../access/cases.js';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { amsterdamDate, weekOf } from '../../lib/time.js';
import { present } from './action-view.js';
import { type ActionFilter, listActions } from './repository.js';

/**
 * `GET /actions`: actions of the cases the caller sees — mine, my organisation's, overdue, due this
 * week (open ones, Monday to Sunday in Amsterdam), of a case or of a meeting.
 */
export async function findActions(ctx: RequestContext, query: ActionListQuery): Promise<ActionList> {
  const { limit, offset, sort, order, mine, partner, overdue, dueThisWeek, ...rest } = query;
  const q = {
    ...rest,
    mine: mine === 'true',
    partner: partner === 'true',
    overdue: overdue === 'true',
    dueThisWeek: dueThisWeek === 'true',
  };
  const s = ctx.db.read;
  const today = amsterdamDate();
  const f: ActionFilter = { ...q };
  if (q.dueThisWeek) {
    const week = weekOf(today);
    f.dueFrom = week.from;
    f.dueTo = week.to;
    f.status = 'open';
  }
  if (q.caseId) await visibleCase(s, ctx, q.caseId);
  const result = await listActions(s, viewerOf(ctx), f, today, { limit, offset }, { sort, order });
  await ctx.auditRead([
    {
      action: 'list',
      objectType: 'action',
      objectIds: result.items.map((a) => a.id),
      details: { filter: { ...q }, total: result.total },
    },
  ]);
  return {
    items: result.items.map((a) => present(ctx, a, today)),
    total: result.total,
  };
}
