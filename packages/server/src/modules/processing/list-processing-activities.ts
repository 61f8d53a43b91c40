import type { ProcessingActivityList } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { listActivities } from './repository.js';

/** `GET /processing-activities` (every staff member): the municipality's register, in its order. */
export async function listProcessingActivities(ctx: RequestContext): Promise<ProcessingActivityList> {
  return { items: await listActivities(ctx.db.read) };
}
