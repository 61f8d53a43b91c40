import type { HowToReport, HowToReportContent } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { audit } from '../audit/record.js';
import { saveHowToReport } from './how-to-report-repository.js';

/** `PUT /how-to-report` (the regisseur): replaces the municipality's text, audited in the same transaction. */
export function updateHowToReport(ctx: RequestContext, input: HowToReportContent): Promise<HowToReport> {
  return ctx.db.transaction(async (s) => {
    const saved = await saveHowToReport(s, input, ctx.userId);
    await audit(s, ctx, { action: 'update', objectType: 'how_to_report', objectId: ctx.tenantId });
    return { ...saved.content, updatedAt: saved.updated_at.toISOString() };
  });
}
