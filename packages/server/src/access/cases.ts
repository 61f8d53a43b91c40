import { type Actor, can } from '@wijkregie/shared';
import { Params } from '../db/params.js';
import { countRow, oneRow } from '../db/rows.js';
import type { TenantScope } from '../db/scope.js';
import { notFound } from '../http/errors.js';
import { type CaseRead, type CaseReadOptions, type CaseRecord, readCase } from './case-record.js';
import type { Viewer } from './viewer.js';

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
 * `caseVisibleSql` in the two shapes a long list needs, for a professional (a regisseur sees every case):
 * - `probe`: the partner's participation is looked up per case row on the primary key of case_partners (the
 *   `OFFSET 0` keeps PostgreSQL from hashing all the partner's cases first). For a page walked along an
 *   index in the list's order: it costs the rows walked, not the partner's cases.
 * - `set`: the case is one of the partner's (their own index) or of the cases the viewer directs. For
 *   counts and for pages that must sort all the visible cases anyway: it costs the visible cases, not the
 *   tenant's.
 */
export function caseVisibleAsSql(shape: 'probe' | 'set', alias: string, v: Viewer, p: Params): string {
  if (v.regisseur) return 'true';
  const user = p.add(v.userId);
  const partner = p.add(v.partnerId);
  if (shape === 'probe') {
    return `(${alias}.director_user_id = ${user} OR EXISTS (
      SELECT 1 FROM case_partners vcp WHERE vcp.case_id = ${alias}.id AND vcp.partner_id = ${partner} OFFSET 0))`;
  }
  return `${alias}.id IN (
    SELECT vcp.case_id FROM case_partners vcp WHERE vcp.tenant_id = ${alias}.tenant_id AND vcp.partner_id = ${partner}
    UNION ALL
    SELECT vc.id FROM cases vc WHERE vc.tenant_id = ${alias}.tenant_id AND vc.director_user_id = ${user})`;
}

/**
 * How many cases a professional sees in all: the partner's cases, counted on the partner's own index
 * without reading a case row, plus the cases they direct without their partner. Costs the visible cases
 * (4 ms for 50,000 on the bench), where counting the tenant's cases through `caseVisibleSql` read all of them.
 */
export async function visibleCaseCount(s: TenantScope, v: Viewer): Promise<number> {
  const p = new Params();
  const tenant = p.add(s.tenantId);
  if (v.regisseur) {
    return (
      await oneRow(
        s.q,
        countRow,
        `SELECT count(*)::int AS n FROM cases WHERE tenant_id = ${tenant}`,
        p.values,
      )
    ).n;
  }
  const partner = p.add(v.partnerId);
  const visible = `SELECT ((SELECT count(*) FROM case_partners WHERE tenant_id = ${tenant} AND partner_id = ${partner})
        + (SELECT count(*) FROM cases c WHERE c.tenant_id = ${tenant} AND c.director_user_id = ${p.add(v.userId)}
             AND NOT EXISTS (SELECT 1 FROM case_partners x WHERE x.case_id = c.id AND x.partner_id = ${partner} OFFSET 0)))::int AS n`;
  return (await oneRow(s.q, countRow, visible, p.values)).n;
}

/** The same for a case given by its id expression. */
export function caseIdVisibleSql(idExpr: string, v: Viewer, p: Params): string {
  if (v.regisseur) return 'true';
  return `EXISTS (SELECT 1 FROM cases vc WHERE vc.id = ${idExpr} AND ${caseVisibleSql('vc', v, p)})`;
}

/**
 * SQL twin of `seesCase` for another user than the caller: the user row `u` and the case row `c`.
 * Used where recipients are checked (when alerts are made, emails sent and digests composed).
 */
export function userSeesCaseSql(u: string, c: string): string {
  return `('regisseur' = ANY (${u}.roles) OR ${c}.director_user_id = ${u}.id
    OR EXISTS (SELECT 1 FROM case_partners ucp WHERE ucp.case_id = ${c}.id AND ucp.partner_id = ${u}.partner_id))`;
}

const NOT_FOUND = 'Deze casus bestaat niet of is niet zichtbaar voor jou.';

/**
 * Loads a case the caller may see, with what was read along with it (`CaseRead`), or 404 — never
 * 403: a case the caller may not see does not exist for them.
 */
export async function readVisibleCase(
  s: TenantScope,
  actor: Actor,
  id: string,
  options?: CaseReadOptions,
): Promise<CaseRead> {
  const read = await readCase(s, id, options);
  if (!read || !can(actor, 'case.read', { case: read.case })) throw notFound(NOT_FOUND);
  return read;
}

/** Loads a case the caller may see, or 404 (see `readVisibleCase`). */
export async function visibleCase(s: TenantScope, actor: Actor, id: string): Promise<CaseRecord> {
  return (await readVisibleCase(s, actor, id)).case;
}
