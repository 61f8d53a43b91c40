import type { MyAccess } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { listCategories, partnerAccess } from './repository.js';

/** The caller's partner's row of the matrix: a cell for every category, `none` where none is set. */
export async function getMyAccess(ctx: RequestContext): Promise<MyAccess> {
  const s = ctx.db.read;
  const [row, categories] = await Promise.all([partnerAccess(s, ctx.partnerId), listCategories(s)]);
  return {
    partnerId: ctx.partnerId,
    cells: categories.map((c) => ({
      partnerId: ctx.partnerId,
      category: c.key,
      access: row[c.key] ?? 'none',
    })),
  };
}
