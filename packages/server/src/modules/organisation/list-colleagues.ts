import type { ColleagueList } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { listColleagues as readColleagues } from './repository.js';

/** Active staff doing case work, by name and partner only: to choose a chair or an assignee. */
export async function listColleagues(ctx: RequestContext): Promise<ColleagueList> {
  const items = await readColleagues(ctx.db.read);
  return { items, total: items.length };
}
