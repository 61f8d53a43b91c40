import type { CaseSummary, EndedRelation, Relation, SubjectChange, SubjectRef } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { changesOf, endedRelationsOf } from './history-repository.js';
import { casesOfSubject, relationsOf } from './repository.js';

/**
 * What a subject's page shows beside the subject: relations (those that hold and those that ended) and
 * cases, as far as the caller may open them, and the history of the subject's own fields.
 */
export async function subjectSurroundings(
  s: TenantScope,
  ctx: RequestContext,
  ref: SubjectRef,
): Promise<{
  relations: Relation[];
  endedRelations: EndedRelation[];
  cases: CaseSummary[];
  history: SubjectChange[];
}> {
  const v = viewerOf(ctx);
  const [relations, endedRelations, cases, history] = await Promise.all([
    relationsOf(s, ref, v),
    endedRelationsOf(s, ref, v),
    casesOfSubject(s, v, ref),
    changesOf(s, ref),
  ]);
  return { relations, endedRelations, cases, history };
}
