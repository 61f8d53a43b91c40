import type { AssignProcessingActivity, Case } from '@wijkregie/shared';
import { readCase } from '../../access/case-record.js';
import { visibleCase } from '../../access/cases.js';
import type { RequestContext } from '../../http/context.js';
import { presentRead } from '../cases/case-view.js';
import { lockCase } from '../cases/repository.js';
import { reassignActivity } from './reassign-activity.js';
import { setCaseActivity } from './repository.js';

/**
 * `PUT /cases/:id/processing-activity` (regisseur): the case is processed under another activity of the
 * register from now on. The reason is mandatory and kept in the audit record, with the activity before
 * and after; the record itself is filed under the new activity.
 */
export function assignCaseProcessingActivity(
  ctx: RequestContext,
  id: string,
  input: AssignProcessingActivity,
): Promise<Case> {
  return ctx.db.transaction(async (s) => {
    await lockCase(s, id);
    const c = await visibleCase(s, ctx, id);
    await reassignActivity(s, ctx, 'case', c, input, setCaseActivity);
    const updated = await readCase(s, id);
    if (!updated) throw new Error(`the case ${id} just updated cannot be read`);
    return presentRead(s, ctx, updated);
  });
}
