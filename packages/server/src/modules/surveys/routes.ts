import { surveyOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { SystemDb } from '../../db/scope.js';
import { routesFor } from '../../http/serve.js';
import { type PublicDeps, Throttle } from '../throttle/throttle.js';
import { createSurvey } from './create-survey.js';
import { createSurveyResponse } from './create-survey-response.js';
import { getPublicSurvey } from './get-public-survey.js';
import { getSurvey } from './get-survey.js';
import { getSurveyResults } from './get-survey-results.js';
import { listSurveyContacts } from './list-survey-contacts.js';
import { listSurveys } from './list-surveys.js';
import { respondentOf } from './survey-access.js';

/** The neighbourhood survey: the regisseur's side and the residents' (no login). */
export function surveyRoutes(app: FastifyInstance, system: SystemDb) {
  const serve = routesFor(app, 'Bewonersenquête: veiligheid en samenhang in de buurt');
  const deps: PublicDeps = { system, throttle: new Throttle(system.db) };

  serve(op.createSurvey, (c) => createSurvey(c.ctx, c.body));
  serve(op.listSurveys, (c) => listSurveys(c.ctx));
  serve(op.getSurvey, (c) => getSurvey(c.ctx, c.params.id));
  serve(op.getSurveyResults, (c) => getSurveyResults(c.ctx, c.params.id));
  serve(op.listSurveyContacts, (c) => listSurveyContacts(c.ctx, c.params.id));
  serve(op.getPublicSurvey, (c) => getPublicSurvey(deps, c.request.ip, c.params.publicCode));
  serve(
    op.createSurveyResponse,
    (c) => createSurveyResponse(deps, respondentOf(c.request, c.reply), c.params.publicCode, c.body),
    { bodyLimit: 16 * 1024 },
  );
}
