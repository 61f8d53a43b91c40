import type { PartnerList } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { listPartners as readPartners } from './repository.js';

/** The municipality's partners (few: one page). */
export async function listPartners(ctx: RequestContext): Promise<PartnerList> {
  const items = await readPartners(ctx.db.read);
  return { items, total: items.length };
}
