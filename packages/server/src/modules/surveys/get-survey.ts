import type { Survey } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { surveyRows } from './repository.js';
import { surveyView } from './survey-view.js';

/** `GET /surveys/:id` (any logged-in user): the survey with its questions, or 404. */
export async function getSurvey(ctx: RequestContext, id: string): Promise<Survey> {
  const [found] = await surveyRows(ctx.db.read, id);
  if (!found) throw notFound('Deze enquête bestaat niet.');
  return surveyView(found);
}
