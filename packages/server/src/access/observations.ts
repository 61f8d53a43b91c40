import type { Params } from '../db/params.js';
import { caseIdVisibleSql } from './cases.js';
import { categoryAllowedSql } from './categories.js';
import type { Viewer } from './viewer.js';

/**
 * SQL twin of `seesObservation` (packages/shared/src/approaches.ts) for the field-note row `alias`: a
 * note without a case, everyone; a note attached to a case, only a viewer who reads cases
 * (`readsCases`: the role's `cases.read`) and could read an entry of the note's category in that case —
 * sees the case (`caseIdVisibleSql`) and whose partner may read the category (`categoryAllowedSql`), the
 * same twins the journal is filtered with. Lists filter with it before their limit.
 */
export function observationVisibleSql(alias: string, v: Viewer, readsCases: boolean, p: Params): string {
  if (!readsCases) return `(${alias}.case_id IS NULL)`;
  return `(${alias}.case_id IS NULL OR (${caseIdVisibleSql(`${alias}.case_id`, v, p)}
    AND ${categoryAllowedSql(`${alias}.category`, `${alias}.tenant_id`, v, p)}))`;
}
