import type { GroupMemberParams } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { managedGroup } from './group-view.js';
import { deleteMember } from './repository.js';

/** `DELETE /resident-groups/:id/members/:memberId` (the regisseur or the group's coordinator; others 403). */
export function removeGroupMember(ctx: RequestContext, params: GroupMemberParams): Promise<void> {
  return ctx.db.transaction(async (s) => {
    await managedGroup(s, ctx, params.id);
    if (!(await deleteMember(s, params.id, params.memberId))) throw notFound('Dit lid bestaat niet.');
    await audit(s, ctx, {
      action: 'delete',
      objectType: 'resident_group_member',
      objectId: params.memberId,
      objectIds: [params.id, params.memberId],
    });
  });
}
