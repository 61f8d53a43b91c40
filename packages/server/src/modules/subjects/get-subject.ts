import type { OtherSubjectKind, SubjectPage } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { findOther } from './repository.js';
import { subjectSurroundings } from './subject-page.js';

/** A household, group or location the caller may see, with its relations and cases; 404 otherwise. */
export async function getSubject(
  ctx: RequestContext,
  kind: OtherSubjectKind,
  id: string,
): Promise<SubjectPage> {
  const s = ctx.db.read;
  const subject = await findOther(s, kind, id, viewerOf(ctx));
  if (!subject) throw notFound('Deze betrokkene bestaat niet of is niet zichtbaar voor jou.');
  const around = await subjectSurroundings(s, ctx, { kind, id });
  const personIds = around.relations.filter((r) => r.from.kind === 'person').map((r) => r.from.id);
  await ctx.auditRead([{ action: 'read', objectType: kind, objectId: id, personIds }]);
  return { ...subject, ...around };
}
