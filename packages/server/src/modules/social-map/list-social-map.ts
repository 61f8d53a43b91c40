import { type SocialMap, type SocialMapQuery, socialMapRolesMatching } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { findArea } from '../areas/repository.js';
import { listEntries } from './repository.js';

/**
 * `GET /social-map?areaId=&q=&role=` (every logged-in user): the people who work in a buurt or its wijk,
 * or in a wijk or one of its buurten; `q` searches name, role and organisation. Staff contact data, no
 * resident's: no read record.
 */
export async function listSocialMap(ctx: RequestContext, query: SocialMapQuery): Promise<SocialMap> {
  const s = ctx.db.read;
  if (query.areaId && !(await findArea(s, query.areaId))) throw notFound('Dit gebied bestaat niet.');
  const q = query.q ? query.q : null;
  const items = await listEntries(s, {
    areaId: query.areaId ?? null,
    q,
    roles: q ? socialMapRolesMatching(q) : [],
    role: query.role ?? null,
  });
  return { items, total: items.length };
}
