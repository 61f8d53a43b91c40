import type { AssignProcessingActivity, Signal } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { presentAfterChange, visibleSignal } from '../signals/signal-view.js';
import { reassignActivity } from './reassign-activity.js';
import { setSignalActivity } from './repository.js';

/**
 * `PUT /signals/:id/processing-activity` (regisseur): the signal is processed under another activity of
 * the register from now on, with a mandatory reason kept in the audit record.
 */
export function assignSignalProcessingActivity(
  ctx: RequestContext,
  id: string,
  input: AssignProcessingActivity,
): Promise<Signal> {
  return ctx.db.transaction(async (s) => {
    const sig = await visibleSignal(s, ctx, id, true);
    await reassignActivity(s, ctx, 'signal', sig, input, setSignalActivity);
    return presentAfterChange(s, ctx, id);
  });
}
