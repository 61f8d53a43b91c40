import type { AssignProcessingActivity, Signal } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { invalidField } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { presentAfterChange, visibleSignal } from '../signals/signal-view.js';
import { findActivity, setSignalActivity } from './repository.js';

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
    const activity = await findActivity(s, input.processingActivityId);
    if (!activity) throw invalidField('processingActivityId', 'Deze verwerking staat niet in het register');
    if (activity.id !== sig.processingActivityId) {
      await setSignalActivity(s, id, activity.id);
      await audit(s, ctx, {
        action: 'update',
        objectType: 'signal',
        objectId: id,
        personIds: sig.personIds,
        processingActivityId: activity.id,
        details: {
          processingActivity: { from: sig.processingActivityId, to: activity.id },
          reason: input.reason,
        },
      });
    }
    return presentAfterChange(s, ctx, id);
  });
}
