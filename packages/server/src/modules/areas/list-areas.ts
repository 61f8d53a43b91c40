import type { AreaList } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { listAreas as readAreas } from './repository.js';

/** All wijken and buurten of the caller's municipality (few: one page). */
export async function listAreas(ctx: RequestContext): Promise<AreaList> {
  const items = await readAreas(ctx.db.read);
  return { items, total: items.length };
}
