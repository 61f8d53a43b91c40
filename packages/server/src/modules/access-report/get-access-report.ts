import type { AccessReport } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import {
  municipalityName,
  reportAccesses,
  reportAssessments,
  reportCases,
  reportEntries,
  reportGoals,
  reportPerson,
  reportRelations,
  reportSignals,
} from './repository.js';

/**
 * `GET /persons/:id/access-report` (regisseur, privacy officer): everything held on the person — the
 * person's data, relations, cases with their processing activity, entries of every category, goals
 * and scores, signals — and every read and change of it from the audit log (AVG art. 15).
 *
 * The report holds ALL of it, whatever the matrix lets the caller read inside a case: the data subject
 * has the right to see everything held on them, and the regisseur or privacy officer only assembles it
 * for them. Making the report is therefore itself recorded (`export` of the person, with the format),
 * in the same transaction as its reads. A person of another municipality does not exist (404).
 */
export async function getAccessReport(
  ctx: RequestContext,
  personId: string,
  format: 'json' | 'pdf',
): Promise<AccessReport & { municipality: string }> {
  return ctx.db.transaction(async (s) => {
    const person = await reportPerson(s, personId);
    if (!person) throw notFound('Deze persoon bestaat niet.');
    const relations = await reportRelations(s, personId);
    const cases = await reportCases(s, personId);
    const caseIds = cases.map((c) => c.id);
    const byCase = new Map(cases.map((c) => [c.id, c]));
    for (const { caseId, entry } of await reportEntries(s, caseIds)) byCase.get(caseId)?.entries.push(entry);
    for (const { caseId, goal } of await reportGoals(s, personId, caseIds))
      byCase.get(caseId)?.goals.push(goal);
    for (const { caseId, assessment } of await reportAssessments(s, personId)) {
      byCase.get(caseId)?.assessments.push(assessment);
    }
    const signals = await reportSignals(s, personId);
    const accesses = await reportAccesses(s, personId, [...caseIds, ...signals.map((x) => x.id)]);
    await audit(s, ctx, {
      action: 'export',
      objectType: 'person',
      objectId: personId,
      personIds: [personId],
      details: { report: 'inzage', format, cases: caseIds.length, accesses: accesses.length },
    });
    const municipality = await municipalityName(s);
    return { person, relations, cases, signals, accesses, madeAt: new Date().toISOString(), municipality };
  });
}
