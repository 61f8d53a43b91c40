import type { UserListQuery, UserWithStatusList } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { listUsers as readUsers } from './repository.js';

/**
 * The municipality's users, deactivated ones too (for the admin and the names of history; one page),
 * by name or as sorted.
 */
export async function listUsers(ctx: RequestContext, query: UserListQuery = {}): Promise<UserWithStatusList> {
  const items = await readUsers(ctx.db.read, { sort: query.sort, order: query.order });
  return { items, total: items.length };
}
