import type { CreateHousehold, Subject } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { audit } from '../audit/record.js';
import { insertHousehold, insertMembers } from './repository.js';
import { createdSubject, requireVisible } from './visible-subjects.js';

/** Registers a household of persons the caller may see, each a member (`member_of`). */
export function createHousehold(ctx: RequestContext, input: CreateHousehold): Promise<Subject> {
  return ctx.db.transaction(async (s) => {
    await requireVisible(s, ctx, 'person', input.memberIds, (i) => `memberIds.${i}`);
    const id = await insertHousehold(s, input, ctx);
    const members = await insertMembers(s, input.memberIds, { kind: 'household', id }, ctx.userId);
    await audit(s, ctx, { action: 'create', objectType: 'household', objectId: id, personIds: members });
    return createdSubject(s, ctx, 'household', id);
  });
}
