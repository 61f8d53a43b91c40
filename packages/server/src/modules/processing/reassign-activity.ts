import type { AssignProcessingActivity, AuditObjectType } from '@wijkregie/shared';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { invalidField } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { findActivity } from './repository.js';

/** A case or signal as its use case read it: what the change of its activity needs. */
interface ProcessedRecord {
  id: string;
  processingActivityId: string | null;
  personIds: string[];
}

/**
 * The change of a case's or signal's processing activity: the activity must be in the register (400 on
 * `processingActivityId`); only a real change is written (`set`) and audited, with the activity before and
 * after and the mandatory reason, the record filed under the new activity.
 */
export async function reassignActivity(
  s: TenantScope,
  ctx: RequestContext,
  objectType: Extract<AuditObjectType, 'case' | 'signal'>,
  record: ProcessedRecord,
  input: AssignProcessingActivity,
  set: (s: TenantScope, id: string, activityId: string) => Promise<void>,
): Promise<void> {
  const activity = await findActivity(s, input.processingActivityId);
  if (!activity) throw invalidField('processingActivityId', 'Deze verwerking staat niet in het register');
  if (activity.id === record.processingActivityId) return;
  await set(s, record.id, activity.id);
  await audit(s, ctx, {
    action: 'update',
    objectType,
    objectId: record.id,
    personIds: record.personIds,
    processingActivityId: activity.id,
    details: {
      processingActivity: { from: record.processingActivityId, to: activity.id },
      reason: input.reason,
    },
  });
}
