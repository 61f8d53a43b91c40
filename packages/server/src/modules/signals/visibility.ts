import type { Params } from '../../db/params.js';
import type { Viewer } from '../cases/visibility.js';

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
