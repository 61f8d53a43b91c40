import { type Action, canChangeAction, seesCase } from '@wijkregie/shared';
import type { CaseRecord } from '../../access/case-record.js';
import { findCase } from '../../access/case-record.js';
import { viewerOf } from '../../access/viewer.js';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { type ActionRecord, findAction, markOverdueAlerted } from './repository.js';

/** What the action use cases share: loading a visible action, presenting it, the overdue alert. */

const NOT_FOUND = 'Deze actie bestaat niet of is niet zichtbaar voor jou.';

/** The action as the caller gets it: whether it is overdue today, and whether the caller may change it. */
export function present(ctx: RequestContext, record: ActionRecord, today: string): Action {
  const { caseDirectorUserId, ...a } = record;
  return {
    ...a,
    overdue: a.status === 'open' && a.dueDate < today,
    canEdit: canChangeAction(ctx, a, caseDirectorUserId),
  };
}

/** The action and its case, if the caller sees the case; otherwise 404. */
export async function visibleAction(
  s: TenantScope,
  ctx: RequestContext,
  id: string,
  lock = false,
): Promise<{ a: ActionRecord; c: CaseRecord }> {
  const a = await findAction(s, id, viewerOf(ctx), lock);
  const c = a ? await findCase(s, a.caseId) : undefined;
  if (!a || !c || !seesCase(ctx, c)) throw notFound(NOT_FOUND);
  return { a, c };
}

/** The action just written, read back in the same transaction: it must be there. */
export async function writtenAction(s: TenantScope, ctx: RequestContext, id: string): Promise<ActionRecord> {
  const a = await findAction(s, id, viewerOf(ctx));
  if (!a) throw new Error(`action ${id} vanished in its own transaction`);
  return a;
}

/** An overdue action alerts at once when it is created or moved into the past, and only once. */
export async function alertIfOverdue(
  s: TenantScope,
  ctx: RequestContext,
  a: ActionRecord,
  today: string,
): Promise<void> {
  if (a.status !== 'open' || a.dueDate >= today) return;
  await markOverdueAlerted(s, a.id);
  await raiseAlert(s, ctx.publicUrl, {
    kind: 'action_overdue',
    caseId: a.caseId,
    actorUserId: ctx.userId,
    actionId: a.id,
    assigneeUserId: a.assigneeUserId,
  });
}
