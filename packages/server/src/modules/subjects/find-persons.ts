import type { PersonList, PersonSearchQuery } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { parsePersonQuery } from './person-query.js';
import { searchPersons } from './repository.js';

/** Persons the caller may see that match a free query (name, birth date, postal code). */
export async function findPersons(
  ctx: RequestContext,
  { q, sort, order, ...page }: PersonSearchQuery,
): Promise<PersonList> {
  const result = await searchPersons(ctx.db.read, viewerOf(ctx), parsePersonQuery(q), page, { sort, order });
  const ids = result.items.map((p) => p.id);
  await ctx.auditRead([
    {
      action: 'search',
      objectType: 'person',
      objectIds: ids,
      personIds: ids,
      details: { q, total: result.total, more: result.more },
    },
  ]);
  return result;
}
