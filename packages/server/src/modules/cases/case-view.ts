import { type Case, canRead, type PartnerAccess } from '@wijkregie/shared';
import type { CaseRead, CaseRecord, SubjectLabels } from '../../access/case-record.js';
import { visibleSubjectRefs } from '../../access/subjects.js';
import { viewerOf } from '../../access/viewer.js';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { partnerAccess } from '../matrix/repository.js';
import { subjectLabels } from '../subjects/repository.js';

/** How the cases' use cases hand a case out. */

/**
 * Cases (that the caller sees) as the caller gets them: every subject's kind, its id only when the
 * caller may open it, its name only for a regisseur or when their partner may read `basis`. With
 * `basis` (or as a regisseur) the caller may open every subject of a case they see; without it, only
 * the subjects their partner registered (`subjectVisibleSql`), found with one query for all the cases.
 * `labels`, when given, are the names of all these cases' subjects already read (see `CaseRead`).
 */
export async function presentCases(
  s: TenantScope,
  ctx: RequestContext,
  cases: CaseRecord[],
  access: PartnerAccess,
  labels?: SubjectLabels,
): Promise<Case[]> {
  const showNames = ctx.roles.includes('regisseur') || canRead(access.basis);
  const refs = cases.flatMap((c) => c.subjects);
  const names: SubjectLabels =
    !showNames || refs.length === 0 ? new Map() : (labels ?? (await subjectLabels(s, refs)));
  const visible = showNames || refs.length === 0 ? null : await visibleSubjectRefs(s, refs, viewerOf(ctx));
  return cases.map(({ personIds: _, ...c }) => ({
    ...c,
    subjects: c.subjects.map((x) => {
      if (visible !== null && !visible.has(x.id)) return { kind: x.kind, id: null };
      const label = names.get(x.id);
      return label === undefined ? x : { ...x, label };
    }),
  }));
}

/**
 * One case as read with `readCase`: its subjects' names and the matrix version came with it, so
 * presenting it costs at most the check of which subjects the caller may open.
 */
export async function presentRead(s: TenantScope, ctx: RequestContext, read: CaseRead): Promise<Case> {
  const access = await partnerAccess(s, ctx.partnerId, read.matrixVersion);
  const [out] = await presentCases(s, ctx, [read.case], access, read.subjectLabels);
  if (!out) throw new Error('presenting one case gave none');
  return out;
}
