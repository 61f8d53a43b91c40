import { handleInChunks } from '../../background/chunks.js';
import { enqueueWebhookEvent } from '../../background/webhook-repository.js';
import type { Db } from '../../db/db.js';
import { claimSurveysToPublish, surveyAreaIds } from './repository.js';

/**
 * The scheduler's job: a survey whose closing time has passed gets its results published once —
 * marked in the claim (SKIP LOCKED, so once also on several instances), and the webhook event
 * `nl.wijkregie.survey.published` in the same transaction, carrying ids, area ids and times only.
 * Answers how many surveys it published.
 */
export function publishSurveys(db: Db): Promise<number> {
  return handleInChunks(db, claimSurveysToPublish, async (s, survey) => {
    const areaIds = await surveyAreaIds(s, survey.id);
    await enqueueWebhookEvent(s, 'nl.wijkregie.survey.published', {
      surveyId: survey.id,
      areaIds: areaIds.join(','),
      closedAt: survey.closes_at.toISOString(),
      publishedAt: survey.published_at.toISOString(),
    });
  });
}
