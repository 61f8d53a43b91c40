import type { PartnerListQuery, PartnerWithStatusList } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { listPartners as readPartners } from './repository.js';

/**
 * The municipality's partners, deactivated ones too (their names stay on history; few: one page), by
 * name or as sorted.
 */
export async function listPartners(
  ctx: RequestContext,
  query: PartnerListQuery = {},
): Promise<PartnerWithStatusList> {
  const items = await readPartners(ctx.db.read, { sort: query.sort, order: query.order });
  return { items, total: items.length };
}
