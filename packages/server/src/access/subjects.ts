import type { SubjectKind, SubjectRef } from '@wijkregie/shared';
import { Params } from '../db/params.js';
import { idRow, rows } from '../db/rows.js';
import type { TenantScope } from '../db/scope.js';
import { caseIdVisibleSql } from './cases.js';
import type { Viewer } from './viewer.js';

export const SUBJECT_TABLES: Record<SubjectKind, string> = {
  person: 'persons',
  household: 'households',
  group: 'groups',
  location: 'locations',
};

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

/** The ids among `ids` of that kind that exist in the tenant and that the viewer may see. */
export async function visibleSubjectIds(
  s: TenantScope,
  kind: SubjectKind,
  ids: readonly string[],
  v: Viewer,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const p = new Params();
  const found = await rows(
    s.q,
    idRow,
    `SELECT x.id FROM ${SUBJECT_TABLES[kind]} x
      WHERE x.tenant_id = ${p.add(s.tenantId)} AND x.id = ANY(${p.add([...new Set(ids)])}::uuid[])
        AND ${subjectVisibleSql(kind, 'x', v, p)}`,
    p.values,
  );
  return new Set(found.map((r) => r.id));
}

/** The ids among `refs` (of any kind) that the viewer may open: one query for all kinds. */
export async function visibleSubjectRefs(
  s: TenantScope,
  refs: readonly SubjectRef[],
  v: Viewer,
): Promise<Set<string>> {
  const kinds = (['person', 'household', 'group', 'location'] as const).filter((k) =>
    refs.some((r) => r.kind === k),
  );
  if (kinds.length === 0) return new Set();
  const p = new Params();
  const tenant = p.add(s.tenantId);
  const found = await rows(
    s.q,
    idRow,
    kinds
      .map((k) => {
        const ids = p.add([...new Set(refs.filter((r) => r.kind === k).map((r) => r.id))]);
        return `SELECT x.id FROM ${SUBJECT_TABLES[k]} x
          WHERE x.tenant_id = ${tenant} AND x.id = ANY(${ids}::uuid[]) AND ${subjectVisibleSql(k, 'x', v, p)}`;
      })
      .join(' UNION ALL '),
    p.values,
  );
  return new Set(found.map((r) => r.id));
}
