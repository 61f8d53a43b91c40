import { type Assessment, type CreateAssessment, can, type FieldError } from '@wijkregie/shared';
import { findCase } from '../../access/case-record.js';
import { visibleSubjectIds } from '../../access/subjects.js';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { planChanged } from './plan-changed.js';
import { assessmentsOf, domainAccess, insertAssessment } from './repository.js';

/**
 * `POST /persons/:id/assessments`: scores of a person (1–5 per domain) within one of the person's
 * cases. The person must be visible (404), the case visible and about the person (400 `caseId`),
 * every domain known (400 `scores.N.domain`), and the caller's partner must write each domain's
 * category (403, and nothing is stored). One transaction with the audit record and the alert, which
 * reaches only those who may read one of the domains.
 */
export function createAssessment(
  ctx: RequestContext,
  personId: string,
  input: CreateAssessment,
): Promise<Assessment> {
  return ctx.db.transaction(async (s) => {
    const v = viewerOf(ctx);
    if (!(await visibleSubjectIds(s, 'person', [personId], v)).has(personId)) {
      throw notFound('Deze persoon bestaat niet of is niet zichtbaar voor jou.');
    }
    const c = await findCase(s, input.caseId);
    if (!c || !can(ctx, 'case.read', { case: c })) throw invalidField('caseId', 'Onbekende casus');
    if (!c.personIds.includes(personId)) {
      throw invalidField('caseId', 'Deze persoon hoort niet bij deze casus');
    }
    const domains = await domainAccess(
      s,
      v,
      input.scores.map((x) => x.domain),
    );
    const errors: FieldError[] = [];
    input.scores.forEach((x, i) => {
      if (!domains.has(x.domain)) errors.push({ path: `scores.${i}.domain`, message: 'Onbekend leefgebied' });
    });
    if (errors.length) throw new AppError('validation', 'Ongeldige scores.', errors);
    if (input.scores.some((x) => !domains.get(x.domain)?.writable)) {
      throw forbidden('Jouw organisatie mag niet op al deze leefgebieden scoren.');
    }

    const id = await insertAssessment(s, {
      personId,
      caseId: c.id,
      date: input.date,
      authorUserId: ctx.userId,
      authorPartnerId: ctx.partnerId,
      scores: input.scores.map((x) => ({ domain: x.domain, score: x.score, note: x.note || null })),
    });
    const categories = [...new Set([...domains.values()].map((d) => d.category))];
    await planChanged(s, ctx, c.id, 'assessment_added', categories);
    await audit(s, ctx, {
      action: 'create',
      objectType: 'assessment',
      objectId: id,
      objectIds: [personId, c.id, id],
      personIds: [personId],
      details: { caseId: c.id, date: input.date, domains: input.scores.map((x) => x.domain) },
    });
    const [created] = await assessmentsOf(s, v, personId, [id]);
    if (!created) throw new Error('the assessment just written is not readable by its author');
    return created;
  });
}
