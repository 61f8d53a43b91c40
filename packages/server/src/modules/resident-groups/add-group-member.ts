import type { CreateGroupMember, GroupMember } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { audit } from '../audit/record.js';
import { managedGroup, memberOf } from './group-view.js';
import { insertMember } from './repository.js';

/** `POST /resident-groups/:id/members` (the regisseur or the group's coordinator; others 403). */
export function addGroupMember(
  ctx: RequestContext,
  groupId: string,
  input: CreateGroupMember,
): Promise<GroupMember> {
  return ctx.db.transaction(async (s) => {
    await managedGroup(s, ctx, groupId);
    const m = await insertMember(s, groupId, {
      name: input.name,
      email: input.email,
      phone: input.phone ? input.phone : null,
      role: input.role,
    });
    await audit(s, ctx, {
      action: 'create',
      objectType: 'resident_group_member',
      objectId: m.id,
      objectIds: [groupId, m.id],
    });
    return memberOf(m, true);
  });
}
