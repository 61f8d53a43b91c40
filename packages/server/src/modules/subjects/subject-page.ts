import type { CaseSummary, Relation, SubjectRef } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { casesOfSubject, relationsOf } from './repository.js';

/** What a subject's page shows beside the subject: relations and cases, as far as the caller may open them. */
export async function subjectSurroundings(
  s: TenantScope,
  ctx: RequestContext,
  ref: SubjectRef,
): Promise<{ relations: Relation[]; cases: CaseSummary[] }> {
  const v = viewerOf(ctx);
  const [relations, cases] = await Promise.all([relationsOf(s, ref, v), casesOfSubject(s, v, ref)]);
  return { relations, cases };
}
