import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { touchCase } from '../cases/repository.js';

/**
 * What every change to a case's plan does after it is written, in the change's transaction: the case
 * counts as changed, and who follows it hears of it (`kind`) — for a change bound to life domains only
 * those whose partner may read one of their `categories`.
 */
export async function planChanged(
  s: TenantScope,
  ctx: RequestContext,
  caseId: string,
  kind: 'plan_changed' | 'assessment_added' | 'evaluation_added',
  categories?: readonly string[],
): Promise<void> {
  await touchCase(s, caseId);
  await raiseAlert(s, ctx.publicUrl, {
    kind,
    caseId,
    actorUserId: ctx.userId,
    ...(categories ? { categories } : {}),
  });
}
