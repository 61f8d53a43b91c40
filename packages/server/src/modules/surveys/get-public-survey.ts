import { type PublicSurvey, SURVEY_QUESTIONS } from '@wijkregie/shared';
import { notFound } from '../../http/errors.js';
import type { PublicDeps } from '../throttle/throttle.js';
import { surveyBuurten, surveyByCode } from './repository.js';
import { QUESTIONS_LIMIT, throttleSurvey } from './survey-access.js';

/**
 * `GET /api/public/v1/surveys/:publicCode` (no login): the questions and the buurten to choose from
 * while the survey is open; before it opens and after it closes only its title, status and times, so
 * the page can say when. 404 for a code that is no survey.
 */
export async function getPublicSurvey(deps: PublicDeps, ip: string, code: string): Promise<PublicSurvey> {
  await throttleSurvey(deps.throttle, QUESTIONS_LIMIT, ip);
  const survey = await surveyByCode(deps.system.db, code.toUpperCase());
  if (!survey) throw notFound('Er is geen enquête met deze code.');
  const open = survey.status === 'open';
  const buurten = open ? await surveyBuurten(deps.system.forTenant(survey.tenant_id).read, survey.id) : [];
  return {
    publicCode: code.toUpperCase(),
    title: survey.title,
    status: survey.status,
    opensAt: survey.opens_at.toISOString(),
    closesAt: survey.closes_at.toISOString(),
    questions: open ? [...SURVEY_QUESTIONS] : [],
    buurten,
  };
}
