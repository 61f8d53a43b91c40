import { Params } from '../db/params.js';
import { hasRow } from '../db/rows.js';
import type { TenantScope } from '../db/scope.js';
import type { Viewer } from './viewer.js';

/**
 * SQL twin of `seesMeeting` (packages/shared/src/coordination.ts) for the meeting row `alias`: a
 * regisseur, its chair, whoever planned it, and users of invited partners. Lists filter with it.
 */
export function meetingVisibleSql(alias: string, v: Viewer, p: Params): string {
  if (v.regisseur) return 'true';
  const user = p.add(v.userId);
  return `(${alias}.chair_user_id = ${user} OR ${alias}.created_by_user_id = ${user} OR EXISTS (
    SELECT 1 FROM meeting_partners vmp WHERE vmp.meeting_id = ${alias}.id AND vmp.partner_id = ${p.add(v.partnerId)}))`;
}

/** The same for a meeting given by its id expression: whether a reference to it may be handed out. */
export function meetingIdVisibleSql(idExpr: string, v: Viewer, p: Params): string {
  if (v.regisseur) return `(${idExpr} IS NOT NULL)`;
  return `EXISTS (SELECT 1 FROM meetings vm WHERE vm.id = ${idExpr} AND ${meetingVisibleSql('vm', v, p)})`;
}

/**
 * Whether the viewer sees the meeting and it has the case on its agenda: what a reference from an
 * action (or another record of the case) to a meeting requires.
 */
export async function meetingOfCaseVisible(
  s: TenantScope,
  v: Viewer,
  meetingId: string,
  caseId: string,
): Promise<boolean> {
  const p = new Params();
  return hasRow(
    s.q,
    `SELECT m.id FROM meetings m
      WHERE m.tenant_id = ${p.add(s.tenantId)} AND m.id = ${p.add(meetingId)} AND ${meetingVisibleSql('m', v, p)}
        AND EXISTS (SELECT 1 FROM meeting_agenda ma WHERE ma.meeting_id = m.id AND ma.case_id = ${p.add(caseId)})`,
    p.values,
  );
}
