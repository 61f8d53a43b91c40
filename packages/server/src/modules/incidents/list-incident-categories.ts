import type { IncidentCategory } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { incidentCategories } from './repository.js';

/** `GET /incident-categories`: the kinds of incident of the caller's municipality. */
export async function listIncidentCategories(ctx: RequestContext): Promise<{ items: IncidentCategory[] }> {
  return { items: await incidentCategories(ctx.db.read) };
}
