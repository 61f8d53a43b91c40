import type { SurveySummary } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { surveyRows } from './repository.js';
import { surveySummary } from './survey-view.js';

/** `GET /surveys` (any logged-in user): the municipality's surveys, the latest opening first. */
export async function listSurveys(ctx: RequestContext): Promise<{ items: SurveySummary[] }> {
  return { items: (await surveyRows(ctx.db.read)).map(surveySummary) };
}
