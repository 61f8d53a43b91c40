import { DEFAULT_HOW_TO_REPORT, type HowToReport } from '@wijkregie/shared';
import type { TenantScope } from '../../db/scope.js';
import { findHowToReport } from './how-to-report-repository.js';

/** The municipality's "what and how to report" text, or the default text while it has none of its own. */
export async function howToReportOf(s: TenantScope): Promise<HowToReport> {
  const found = await findHowToReport(s);
  return found
    ? { ...found.content, updatedAt: found.updated_at.toISOString() }
    : { ...DEFAULT_HOW_TO_REPORT, updatedAt: null };
}
