import type { Approach, ApproachListItem } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { approachView } from './approach-view.js';
import { listApproachRows } from './repository.js';

/**
 * `GET /approaches/:id`: the approach with each indicator's series and progress, and the cases, signals
 * and meetings tied to it that the caller may open (any logged-in user).
 */
export function getApproach(ctx: RequestContext, id: string): Promise<Approach> {
  return approachView(ctx.db.read, id, viewerOf(ctx));
}

/** `GET /approaches?areaId=`: the approaches of the municipality or around an area, newest first. */
export async function listApproaches(
  ctx: RequestContext,
  areaId: string | undefined,
): Promise<{ items: ApproachListItem[] }> {
  const found = await listApproachRows(ctx.db.read, areaId ?? null);
  return {
    items: found.map((a) => ({
      id: a.id,
      areaId: a.area_id,
      areaName: a.area_name,
      title: a.title,
      startDate: a.start_date,
      endDate: a.end_date,
    })),
  };
}
