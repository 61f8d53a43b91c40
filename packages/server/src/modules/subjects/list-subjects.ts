import type { OtherSubjectKind, SubjectList, SubjectListQuery } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { listOthers } from './repository.js';

/** The households, groups or locations the caller may see, optionally by part of the name. */
export async function listSubjects(
  ctx: RequestContext,
  kind: OtherSubjectKind,
  { q, sort, order, ...page }: SubjectListQuery,
): Promise<SubjectList> {
  const result = await listOthers(ctx.db.read, kind, viewerOf(ctx), q, page, { sort, order });
  await ctx.auditRead([{ action: 'list', objectType: kind, objectIds: result.items.map((x) => x.id) }]);
  return result;
}
