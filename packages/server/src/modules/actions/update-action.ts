import { type Action, type ActionStatus, canChangeAction, type UpdateAction } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { forbidden, invalidField } from '../../http/errors.js';
import { amsterdamDate } from '../../lib/time.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { audit } from '../audit/record.js';
import { alertIfOverdue, present, visibleAction, writtenAction } from './action-view.js';
import { insertActionHistory, isUserOfPartner, updateActionRow } from './repository.js';

/**
 * `PATCH /actions/:id`: status, result, due date or assignee, by the owner partner, the case director
 * or a regisseur; every change goes into the action's history. Done alerts; moved into the past alerts
 * as overdue at once.
 */
export function updateAction(ctx: RequestContext, id: string, u: UpdateAction): Promise<Action> {
  return ctx.db.transaction(async (s) => {
    const { a, c } = await visibleAction(s, ctx, id, true);
    if (!canChangeAction(ctx, a, c.directorUserId)) {
      throw forbidden(
        'Alleen de uitvoerende partner, de casusregisseur of een regisseur kan deze actie wijzigen.',
      );
    }
    // A new assignee must still work for the owner partner; the one already assigned may stay.
    if (
      u.assigneeUserId &&
      u.assigneeUserId !== a.assigneeUserId &&
      !(await isUserOfPartner(s, u.assigneeUserId, a.ownerPartnerId))
    ) {
      throw invalidField('assigneeUserId', 'Geen actieve medewerker van de uitvoerende partner');
    }
    const change: Record<string, unknown> = {};
    const set: {
      status?: ActionStatus;
      result?: string | null;
      dueDate?: string;
      assigneeUserId?: string | null;
    } = {};
    if (u.status !== undefined && u.status !== a.status) {
      set.status = u.status;
      change.status = { from: a.status, to: u.status };
    }
    if (u.result !== undefined && (u.result || null) !== a.result) {
      set.result = u.result || null;
      change.result = true;
    }
    if (u.dueDate !== undefined && u.dueDate !== a.dueDate) {
      set.dueDate = u.dueDate;
      change.dueDate = { from: a.dueDate, to: u.dueDate };
    }
    if (u.assigneeUserId !== undefined && u.assigneeUserId !== a.assigneeUserId) {
      set.assigneeUserId = u.assigneeUserId;
      change.assigneeUserId = { from: a.assigneeUserId, to: u.assigneeUserId };
    }
    const today = amsterdamDate();
    if (Object.keys(change).length === 0) return present(ctx, a, today);

    await updateActionRow(s, id, set);
    await insertActionHistory(s, id, ctx.userId, change);
    const after = await writtenAction(s, ctx, id);
    if (set.status === 'done') {
      await raiseAlert(s, ctx.publicUrl, {
        kind: 'action_done',
        caseId: a.caseId,
        actorUserId: ctx.userId,
        actionId: id,
        assigneeUserId: after.assigneeUserId,
      });
    }
    if (set.dueDate !== undefined || set.status === 'open') await alertIfOverdue(s, ctx, after, today);
    await audit(s, ctx, {
      action: 'update',
      objectType: 'action',
      objectId: id,
      personIds: c.personIds,
      processingActivityId: c.processingActivityId,
      details: { caseId: a.caseId, ...change },
    });
    return present(ctx, after, today);
  });
}
