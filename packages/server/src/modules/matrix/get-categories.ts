import type { CategoryList } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { listCategories } from './repository.js';

/** The tenant's information categories, in their order (no personal data: not audited). */
export async function getCategories(ctx: RequestContext): Promise<CategoryList> {
  return { items: await listCategories(ctx.db.read) };
}
