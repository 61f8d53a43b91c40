import { type Actor, can } from '@wijkregie/shared';
import type { Params } from '../db/params.js';
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
