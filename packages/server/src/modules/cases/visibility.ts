import type { SubjectKind } from '@wijkregie/shared';
import type { Params } from '../../db/params.js';
import type { RequestContext } from '../../http/context.js';

/** The caller as the visibility SQL needs it. */
export interface Viewer {
  userId: string;
  partnerId: string;
  regisseur: boolean;
}

export const viewerOf = (ctx: Pick<RequestContext, 'userId' | 'partnerId' | 'roles'>): Viewer => ({
  userId: ctx.userId,
  partnerId: ctx.partnerId,
  regisseur: ctx.roles.includes('regisseur'),
});

/**
 * SQL twin of `seesCase` (packages/shared/src/access.ts) for the case row `alias`: the caller is a
 * regisseur, directs the case, or their partner participates. Lists and counts filter with it
 * before paging; the property tests hold it equal to the pure function.
 */
export function caseVisibleSql(alias: string, v: Viewer, p: Params): string {
  if (v.regisseur) return 'true';
  return `(${alias}.director_user_id = ${p.add(v.userId)} OR EXISTS (
    SELECT 1 FROM case_partners vcp WHERE vcp.case_id = ${alias}.id AND vcp.partner_id = ${p.add(v.partnerId)}))`;
}

/**
 * SQL twin of `seesCase` for another user than the caller: the user row `u` and the case row `c`.
 * Used where recipients are checked (when alerts are made, emails sent and digests composed).
 */
export function userSeesCaseSql(u: string, c: string): string {
  return `('regisseur' = ANY (${u}.roles) OR ${c}.director_user_id = ${u}.id
    OR EXISTS (SELECT 1 FROM case_partners ucp WHERE ucp.case_id = ${c}.id AND ucp.partner_id = ${u}.partner_id))`;
}

/** The same for a case given by its id expression. */
export function caseIdVisibleSql(idExpr: string, v: Viewer, p: Params): string {
  if (v.regisseur) return 'true';
  return `EXISTS (SELECT 1 FROM cases vc WHERE vc.id = ${idExpr} AND ${caseVisibleSql('vc', v, p)})`;
}

/**
 * Which subjects a user may see: a regisseur all; others the subjects their partner registered,
 * and — when their partner may read the `basis` category (names, birth dates, addresses) — the
 * subjects of cases they see and (for persons) the members of households and groups that are
 * subjects of cases they see.
 */
export function subjectVisibleSql(kind: SubjectKind, alias: string, v: Viewer, p: Params): string {
  if (v.regisseur) return 'true';
  const partner = p.add(v.partnerId);
  const basis = `EXISTS (SELECT 1 FROM access_matrix vm
      WHERE vm.tenant_id = ${alias}.tenant_id AND vm.partner_id = ${partner} AND vm.category = 'basis')`;
  const viaCase = `EXISTS (SELECT 1 FROM case_subjects vcs
      WHERE vcs.tenant_id = ${alias}.tenant_id AND vcs.kind = '${kind}' AND vcs.subject_id = ${alias}.id
        AND ${caseIdVisibleSql('vcs.case_id', v, p)})`;
  const viaMembership =
    kind === 'person'
      ? ` OR EXISTS (SELECT 1 FROM subject_relations vr JOIN case_subjects vcs2
            ON vcs2.tenant_id = vr.tenant_id AND vcs2.kind = vr.to_kind AND vcs2.subject_id = vr.to_id
          WHERE vr.tenant_id = ${alias}.tenant_id AND vr.from_kind = 'person' AND vr.from_id = ${alias}.id
            AND vr.relation = 'member_of' AND ${caseIdVisibleSql('vcs2.case_id', v, p)})`
      : '';
  return `(${alias}.created_by_partner_id = ${partner} OR (${basis} AND (${viaCase}${viaMembership})))`;
}

export const SUBJECT_TABLES: Record<SubjectKind, string> = {
  person: 'persons',
  household: 'households',
  group: 'groups',
  location: 'locations',
};

/**
 * The same for a subject given by its id expression (in the tenant of `tenantExpr`): whether a
 * reference to it may be handed to the viewer. False for a null id.
 */
export function subjectIdVisibleSql(
  kind: SubjectKind,
  idExpr: string,
  tenantExpr: string,
  v: Viewer,
  p: Params,
): string {
  if (v.regisseur) return `(${idExpr} IS NOT NULL)`;
  return `EXISTS (SELECT 1 FROM ${SUBJECT_TABLES[kind]} vs
      WHERE vs.tenant_id = ${tenantExpr} AND vs.id = ${idExpr} AND ${subjectVisibleSql(kind, 'vs', v, p)})`;
}
