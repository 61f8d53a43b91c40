import type { CreateGroup, Subject } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { audit } from '../audit/record.js';
import { insertGroup, insertMembers, insertRelation } from './repository.js';
import { createdSubject, requireVisible } from './visible-subjects.js';

/** Registers a group with members (`member_of`) and meeting places (`meets_at`) the caller may see. */
export function createGroup(ctx: RequestContext, input: CreateGroup): Promise<Subject> {
  return ctx.db.transaction(async (s) => {
    await requireVisible(s, ctx, 'person', input.memberIds, (i) => `memberIds.${i}`);
    await requireVisible(s, ctx, 'location', input.meetingPlaceIds, (i) => `meetingPlaceIds.${i}`);
    const id = await insertGroup(s, input, ctx);
    const members = await insertMembers(s, input.memberIds, { kind: 'group', id }, ctx.userId);
    for (const l of new Set(input.meetingPlaceIds)) {
      await insertRelation(
        s,
        { from: { kind: 'group', id }, type: 'meets_at', to: { kind: 'location', id: l } },
        ctx.userId,
      );
    }
    await audit(s, ctx, { action: 'create', objectType: 'group', objectId: id, personIds: members });
    return createdSubject(s, ctx, 'group', id);
  });
}
