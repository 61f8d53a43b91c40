import type { Params } from '../../db/params.js';
import type { Viewer } from '../cases/visibility.js';

/**
 * Who sees a signal: regisseurs, the partner that reported it and the partner it is routed to.
 * (A resident's report has no reporting partner: regisseurs and the routed partner.)
 */
export function signalVisibleSql(alias: string, v: Viewer, p: Params): string {
  if (v.regisseur) return 'true';
  const partner = p.add(v.partnerId);
  return `(${alias}.reporter_partner_id = ${partner} OR ${alias}.routed_partner_id = ${partner})`;
}
