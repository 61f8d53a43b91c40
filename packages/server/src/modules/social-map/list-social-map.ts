import {
  hasPermission,
  type SocialMap,
  type SocialMapQuery,
  socialMapRolesMatching,
} from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { areasByIds, listEntries, meetingWijkIds } from './repository.js';

/**
 * `GET /social-map?areaId=&meetingId=&q=&role=` (every logged-in user): the people who work in a buurt or
 * its wijk, or in a wijk or one of its buurten; for a meeting (which has no area of its own), in the
 * wijken of the cases on its agenda that the caller sees — a meeting the caller does not see is 404. `q`
 * searches name, role and organisation. Staff contact data, no resident's: no read record.
 */
export async function listSocialMap(ctx: RequestContext, query: SocialMapQuery): Promise<SocialMap> {
  const s = ctx.db.read;
  let areaIds: string[] | null = null;
  if (query.areaId) {
    areaIds = [query.areaId];
  } else if (query.meetingId) {
    const wijken = hasPermission(ctx, 'meetings.read')
      ? await meetingWijkIds(s, viewerOf(ctx), query.meetingId)
      : undefined;
    if (!wijken) throw notFound('Dit overleg bestaat niet of is niet zichtbaar voor jou.');
    areaIds = wijken;
  }
  const areas = areaIds ? await areasByIds(s, areaIds) : undefined;
  if (query.areaId && !areas?.length) throw notFound('Dit gebied bestaat niet.');
  if (areaIds?.length === 0) return { items: [], total: 0, areas: [] };
  const q = query.q ? query.q : null;
  const items = await listEntries(s, {
    areaIds,
    q,
    roles: q ? socialMapRolesMatching(q) : [],
    role: query.role ?? null,
  });
  return { items, total: items.length, ...(areas ? { areas } : {}) };
}
