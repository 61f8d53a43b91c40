import type { Subject, UpdateGroup } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { changedFields, editableOther, saveOther } from './editable-subject.js';

/** Changes a group's name or classification; the history keeps what they were. */
export function updateGroup(ctx: RequestContext, id: string, input: UpdateGroup): Promise<Subject> {
  return ctx.db.transaction(async (s) => {
    const before = await editableOther(s, ctx, 'group', id);
    const after = {
      ...before,
      name: input.name ?? before.name,
      classification: input.classification === undefined ? before.classification : input.classification,
    };
    const changes = changedFields([
      ['name', before.name, input.name],
      ['classification', before.classification, input.classification],
    ]);
    return saveOther(s, ctx, 'group', id, after, changes);
  });
}
