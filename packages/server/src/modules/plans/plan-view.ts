import type { Plan } from '@wijkregie/shared';
import type { CaseRecord } from '../../access/case-record.js';
import type { Viewer } from '../../access/viewer.js';
import type { TenantScope } from '../../db/scope.js';
import { evaluationsOf, goalsOf, householdCasesOf, latestScores, memberCasesOf } from './repository.js';

/**
 * The plan of a case as the viewer may see it (the caller has checked that the viewer sees the case):
 * goals and latest scores only of domains the viewer's partner may read; for a household case the
 * members' own cases the viewer sees, with their readable goals; for a member's case the household
 * cases it belongs to; the evaluations with the statuses of readable goals. Shared by the plan's read
 * and its PDF.
 */
export async function planFor(s: TenantScope, v: Viewer, c: CaseRecord): Promise<Plan> {
  const hasHousehold = c.subjects.some((x) => x.kind === 'household');
  const hasPerson = c.subjects.some((x) => x.kind === 'person');
  const [goals, scores, linkedCases, householdCases, evaluations] = await Promise.all([
    goalsOf(s, v, [c.id]),
    latestScores(s, v, c.personIds),
    hasHousehold ? memberCasesOf(s, v, c.id) : Promise.resolve([]),
    hasPerson ? householdCasesOf(s, v, c.id) : Promise.resolve([]),
    evaluationsOf(s, v, c.id),
  ]);
  const linkedGoals = await goalsOf(
    s,
    v,
    linkedCases.map((x) => x.id),
  );
  return { caseId: c.id, goals, latestScores: scores, linkedCases, linkedGoals, householdCases, evaluations };
}
