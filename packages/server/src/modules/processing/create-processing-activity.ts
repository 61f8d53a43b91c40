import type { CreateProcessingActivity, ProcessingActivity } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { audit } from '../audit/record.js';
import { checkActivityInput } from './check-activity.js';
import { findActivity, insertActivity, takeDefaultsFromOthers } from './repository.js';

/**
 * `POST /processing-activities` (admin): an activity added to the register. A case type or signal source
 * it is the default for is taken from the activity that had it. One transaction with its audit record.
 */
export function createProcessingActivity(
  ctx: RequestContext,
  input: CreateProcessingActivity,
): Promise<ProcessingActivity> {
  return ctx.db.transaction(async (s) => {
    await checkActivityInput(s, input, null);
    const categories = [...new Set(input.categories)];
    const caseTypes = [...new Set(input.defaultForCaseTypes ?? [])];
    const sources = [...new Set(input.defaultForSignalSources ?? [])];
    const id = await insertActivity(s, {
      name: input.name,
      purpose: input.purpose,
      legalBasis: input.legalBasis,
      retentionDays: input.retentionDays,
      categories,
      lawReference: input.lawReference ?? null,
      recipients: input.recipients ?? null,
      defaultForCaseTypes: caseTypes,
      defaultForSignalSources: sources,
    });
    const movedFrom = await takeDefaultsFromOthers(s, id, caseTypes, sources);
    const created = await findActivity(s, id);
    if (!created) throw new Error(`processing activity ${id} just added cannot be read`);
    const { id: _id, ...details } = created;
    await audit(s, ctx, {
      action: 'create',
      objectType: 'processing_activity',
      objectId: id,
      details: { ...details, ...(movedFrom.length ? { defaultsTakenFrom: movedFrom } : {}) },
    });
    return created;
  });
}
