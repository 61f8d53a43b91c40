import { Params } from '../db/params.js';
import { hasRow } from '../db/rows.js';
import type { TenantScope } from '../db/scope.js';
import type { Viewer } from './viewer.js';

/**
 * The matrix inside a case, in one place: whether the viewer's partner may read (or write) the
 * information category `categoryExpr` in the tenant `tenantExpr` — the SQL twin of `can(…,
 * 'entry.read' | 'entry.write', …)` in packages/shared/src/access.ts. Journal entries, assessment
 * scores and goals (through their life domain's category) are filtered with it; a missing matrix
 * cell is `none`.
 */
export function categoryAllowedSql(
  categoryExpr: string,
  tenantExpr: string,
  v: Viewer,
  p: Params,
  mode: 'read' | 'write' = 'read',
): string {
  return partnerCategorySql(p.add(v.partnerId), categoryExpr, tenantExpr, mode);
}

/**
 * The same decision for the partner `partnerExpr` (a column, for other users than the caller: the
 * recipients of an alert). `categoryAllowedSql` is this with the viewer's partner.
 */
export function partnerCategorySql(
  partnerExpr: string,
  categoryExpr: string,
  tenantExpr: string,
  mode: 'read' | 'write' = 'read',
): string {
  const access = mode === 'read' ? `('read', 'write')` : `('write')`;
  return `EXISTS (SELECT 1 FROM access_matrix vam
      WHERE vam.tenant_id = ${tenantExpr} AND vam.partner_id = ${partnerExpr}
        AND vam.category = ${categoryExpr} AND vam.access IN ${access})`;
}

/**
 * Whether the partner `partnerExpr` may read at least one of the categories `categoriesExpr` (a
 * text[] expression): who hears of a change to scores or goals of those categories' domains.
 */
export function partnerReadsAnyCategorySql(
  partnerExpr: string,
  categoriesExpr: string,
  tenantExpr: string,
): string {
  return `EXISTS (SELECT 1 FROM unnest(${categoriesExpr}::text[]) AS rcat (category)
      WHERE ${partnerCategorySql(partnerExpr, 'rcat.category', tenantExpr)})`;
}

/**
 * Whether the viewer may read the life domain `domainExpr` (its category's matrix cell): scores and
 * goals of a domain follow its category.
 */
export function domainReadableSql(
  domainExpr: string,
  tenantExpr: string,
  v: Viewer,
  p: Params,
  mode: 'read' | 'write' = 'read',
): string {
  return `EXISTS (SELECT 1 FROM life_domains vld
      WHERE vld.tenant_id = ${tenantExpr} AND vld.key = ${domainExpr}
        AND ${categoryAllowedSql('vld.category', tenantExpr, v, p, mode)})`;
}

/** Whether the viewer may write scores and goals of the life domain `domainExpr` (write on its category). */
export function domainWritableSql(domainExpr: string, tenantExpr: string, v: Viewer, p: Params): string {
  return domainReadableSql(domainExpr, tenantExpr, v, p, 'write');
}

/**
 * Whether a reference to the goal `idExpr` may be handed to the viewer (an action's `goalId`): the
 * viewer sees the goal's case — the caller checks that — and may read its domain.
 */
export function goalIdVisibleSql(idExpr: string, tenantExpr: string, v: Viewer, p: Params): string {
  return `EXISTS (SELECT 1 FROM goals vg
      WHERE vg.tenant_id = ${tenantExpr} AND vg.id = ${idExpr}
        AND ${domainReadableSql('vg.domain', tenantExpr, v, p)})`;
}

/**
 * Whether the goal belongs to the case and the viewer may read its domain: what an action's
 * `goalId` requires (the caller has checked that the viewer sees the case).
 */
export async function goalOfCaseVisible(
  s: TenantScope,
  v: Viewer,
  goalId: string,
  caseId: string,
): Promise<boolean> {
  const p = new Params();
  return hasRow(
    s.q,
    `SELECT g.id FROM goals g
      WHERE g.tenant_id = ${p.add(s.tenantId)} AND g.id = ${p.add(goalId)} AND g.case_id = ${p.add(caseId)}
        AND ${domainReadableSql('g.domain', 'g.tenant_id', v, p)}`,
    p.values,
  );
}
