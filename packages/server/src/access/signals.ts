import { Params } from '../db/params.js';
import { idRow, rows } from '../db/rows.js';
import type { TenantScope } from '../db/scope.js';
import { caseVisibleSql } from './cases.js';
import type { Viewer } from './viewer.js';

/**
 * SQL twin of `seesSignal` (packages/shared/src/signals.ts) for lists: regisseurs, the reporting and
 * the routed partner. (A resident's report has no reporting partner.)
 */
export function signalVisibleSql(alias: string, v: Viewer, p: Params): string {
  if (v.regisseur) return 'true';
  const partner = p.add(v.partnerId);
  return `(${alias}.reporter_partner_id = ${partner} OR ${alias}.routed_partner_id = ${partner})`;
}

/** The same for a signal given by its id expression: whether a reference to it may be handed out. */
export function signalIdVisibleSql(idExpr: string, tenantExpr: string, v: Viewer, p: Params): string {
  if (v.regisseur) return `(${idExpr} IS NOT NULL)`;
  return `EXISTS (SELECT 1 FROM signals vsg
      WHERE vsg.tenant_id = ${tenantExpr} AND vsg.id = ${idExpr} AND ${signalVisibleSql('vsg', v, p)})`;
}

/** Of these case and signal ids, the ones the viewer may open (one query). */
export async function openableCaseAndSignalIds(
  s: TenantScope,
  v: Viewer,
  ids: { cases: readonly string[]; signals: readonly string[] },
): Promise<Set<string>> {
  if (v.regisseur) return new Set([...ids.cases, ...ids.signals]);
  if (ids.cases.length + ids.signals.length === 0) return new Set();
  const p = new Params();
  const tenant = p.add(s.tenantId);
  const found = await rows(
    s.q,
    idRow,
    `SELECT c.id FROM cases c WHERE c.tenant_id = ${tenant} AND c.id = ANY(${p.add([...ids.cases])}::uuid[])
        AND ${caseVisibleSql('c', v, p)}
     UNION ALL
     SELECT sg.id FROM signals sg WHERE sg.tenant_id = ${tenant} AND sg.id = ANY(${p.add([...ids.signals])}::uuid[])
        AND ${signalVisibleSql('sg', v, p)}`,
    p.values,
  );
  return new Set(found.map((r) => r.id));
}
