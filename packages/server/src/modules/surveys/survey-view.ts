import { SURVEY_QUESTIONS, type Survey, type SurveySummary } from '@wijkregie/shared';
import type { SurveyRow } from './repository.js';

export function surveySummary(r: SurveyRow): SurveySummary {
  return {
    id: r.id,
    publicCode: r.public_code,
    title: r.title,
    areaIds: r.area_ids,
    opensAt: r.opens_at.toISOString(),
    closesAt: r.closes_at.toISOString(),
    status: r.status,
    publishedAt: r.published_at?.toISOString() ?? null,
    responses: r.responses,
    createdAt: r.created_at.toISOString(),
  };
}

/** The survey as the API answers it: with the standard questions. */
export function surveyView(r: SurveyRow): Survey {
  return { ...surveySummary(r), questions: [...SURVEY_QUESTIONS] };
}
