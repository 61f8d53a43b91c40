import type { ResidentGroup, ResidentGroupList } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { groupOr404, groupView, summaryOf } from './group-view.js';
import { listGroups } from './repository.js';

/**
 * `GET /resident-groups/:id` (any logged-in user): the group with its members — their email and phone
 * only for the regisseur and the group's coordinator, whose reading of them is in the audit log.
 */
export async function getResidentGroup(ctx: RequestContext, id: string): Promise<ResidentGroup> {
  const s = ctx.db.read;
  const group = await groupView(s, ctx, await groupOr404(s, id));
  if (group.manages && group.members.length) {
    await ctx.auditRead([
      {
        action: 'read',
        objectType: 'resident_group',
        objectId: id,
        objectIds: group.members.map((m) => m.id),
      },
    ]);
  }
  return group;
}

/** `GET /resident-groups?areaId=` (any logged-in user): the groups, by name, with their member count. */
export async function listResidentGroups(ctx: RequestContext, areaId?: string): Promise<ResidentGroupList> {
  const found = await listGroups(ctx.db.read, areaId ?? null);
  return { items: found.map((g) => summaryOf(ctx, g)), total: found.length };
}
