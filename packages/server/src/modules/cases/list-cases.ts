import type { CaseList, CaseListQuery } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { partnerAccess } from '../matrix/repository.js';
import { presentCases } from './case-view.js';
import { casesPage } from './repository.js';

/** `GET /cases`: a page of the cases the caller sees (`mine=true`: those they direct). */
export async function listCases(ctx: RequestContext, query: CaseListQuery): Promise<CaseList> {
  const { limit, offset, mine, sort, order, ...rest } = query;
  const filter = { ...rest, mine: mine === 'true' };
  const s = ctx.db.read;
  const [page, access] = await Promise.all([
    casesPage(s, viewerOf(ctx), filter, { limit, offset }, { sort, order }),
    partnerAccess(s, ctx.partnerId),
  ]);
  const items = await presentCases(s, ctx, page.items, access);
  await ctx.auditRead([
    {
      action: 'list',
      objectType: 'case',
      objectIds: items.map((c) => c.id),
      personIds: [...new Set(page.items.flatMap((c) => c.personIds))],
      details: { filter, total: page.total },
    },
  ]);
  return { items, total: page.total };
}
