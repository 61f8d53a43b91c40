import type { PartnerWithStatusList } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { listPartners as readPartners } from './repository.js';

/** The municipality's partners, deactivated ones too (their names stay on history; few: one page). */
export async function listPartners(ctx: RequestContext): Promise<PartnerWithStatusList> {
  const items = await readPartners(ctx.db.read);
  return { items, total: items.length };
}
