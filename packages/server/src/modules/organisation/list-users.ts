import type { UserWithStatusList } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { listUsers as readUsers } from './repository.js';

/** The municipality's users, deactivated ones too (for the admin and the names of history; one page). */
export async function listUsers(ctx: RequestContext): Promise<UserWithStatusList> {
  const items = await readUsers(ctx.db.read);
  return { items, total: items.length };
}
