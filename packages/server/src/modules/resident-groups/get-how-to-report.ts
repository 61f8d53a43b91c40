import type { HowToReport } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { resolvePublicTenant } from '../public-reports/public-access.js';
import type { PublicDeps } from '../throttle/throttle.js';
import { howToReportOf } from './how-to-report-view.js';

/**
 * `GET /api/public/v1/how-to-report?gemeente=` (no login): what to report where — 112, the police's
 * non-emergency number, Meld Misdaad Anoniem, the municipality's report form — what happens next and
 * how residents can take part. The municipality is chosen as on the report form.
 */
export async function getPublicHowToReport(deps: PublicDeps, gemeente?: string): Promise<HowToReport> {
  const tenantId = await resolvePublicTenant(deps.system, gemeente);
  return howToReportOf(deps.system.forTenant(tenantId).read);
}

/** `GET /api/v1/how-to-report` (any logged-in user): the same text of the caller's municipality. */
export function getHowToReport(ctx: RequestContext): Promise<HowToReport> {
  return howToReportOf(ctx.db.read);
}
