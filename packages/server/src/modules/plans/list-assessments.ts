import type { AssessmentList } from '@wijkregie/shared';
import { visibleSubjectIds } from '../../access/subjects.js';
import { viewerOf } from '../../access/viewer.js';
import type { AuditEvent, RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { assessmentsOf } from './repository.js';

/**
 * `GET /persons/:id/assessments`: the person's assessments oldest first, of the cases the caller sees,
 * each with only the scores of domains the caller's partner may read (an assessment without any is
 * left out). The person must be visible (404). Each assessment handed out is recorded as read.
 */
export async function listAssessments(ctx: RequestContext, personId: string): Promise<AssessmentList> {
  const s = ctx.db.read;
  const v = viewerOf(ctx);
  if (!(await visibleSubjectIds(s, 'person', [personId], v)).has(personId)) {
    throw notFound('Deze persoon bestaat niet of is niet zichtbaar voor jou.');
  }
  const items = await assessmentsOf(s, v, personId);
  await ctx.auditRead(
    items.length
      ? items.map(
          (a): AuditEvent => ({
            action: 'read',
            objectType: 'assessment',
            objectId: a.id,
            objectIds: [personId, a.caseId, a.id],
            personIds: [personId],
            details: { caseId: a.caseId, domains: a.scores.map((x) => x.domain) },
          }),
        )
      : [
          {
            action: 'read',
            objectType: 'assessment',
            objectId: null,
            objectIds: [personId],
            personIds: [personId],
          },
        ],
  );
  return { items };
}
