import type { UserList } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { listUsers as readUsers } from './repository.js';

/** The municipality's active users (for the admin; one page). */
export async function listUsers(ctx: RequestContext): Promise<UserList> {
  const items = await readUsers(ctx.db.read);
  return { items, total: items.length };
}
