import { idParams } from '../contract.js';
import { operations } from '../operation.js';
import {
  createSurveySchema,
  publicSurveySchema,
  surveyCodeParamsSchema,
  surveyContactListSchema,
  surveyListSchema,
  surveyResponseReceiptSchema,
  surveyResponseSchema,
  surveyResultsSchema,
  surveySchema,
} from '../surveys.js';

const tag = 'Wijkbeeld';

/** The neighbourhood survey: the regisseur opens it, residents answer without an account, results per buurt. */
export const surveyOperations = operations({
  createSurvey: {
    method: 'POST',
    path: '/api/v1/surveys',
    auth: 'surveys.write',
    tag,
    summary: 'Bewonersenquête openen voor wijken of buurten, met de standaardvragen',
    body: createSurveySchema,
    status: 201,
    response: surveySchema,
    problems: [400, 401, 403],
  },
  listSurveys: {
    method: 'GET',
    path: '/api/v1/surveys',
    auth: 'session',
    tag,
    summary: 'De bewonersenquêtes van de gemeente, nieuwste eerst',
    response: surveyListSchema,
    problems: [401],
  },
  getSurvey: {
    method: 'GET',
    path: '/api/v1/surveys/:id',
    auth: 'session',
    tag,
    summary: 'Een bewonersenquête met haar vragen',
    params: idParams,
    response: surveySchema,
    problems: [400, 401, 404],
  },
  getSurveyResults: {
    method: 'GET',
    path: '/api/v1/surveys/:id/results',
    auth: 'session',
    tag,
    summary:
      'Resultaten per buurt (alleen totalen; onder 10 reacties geen cijfers), met de vorige enquête ter vergelijking',
    params: idParams,
    response: surveyResultsSchema,
    problems: [400, 401, 404],
  },
  listSurveyContacts: {
    method: 'GET',
    path: '/api/v1/surveys/:id/contacts',
    auth: 'surveys.contacts',
    tag,
    summary: 'E-mailadressen van bewoners die willen meedoen (los van de antwoorden bewaard)',
    params: idParams,
    response: surveyContactListSchema,
    problems: [400, 401, 403, 404],
  },
  getPublicSurvey: {
    method: 'GET',
    path: '/api/public/v1/surveys/:publicCode',
    auth: 'public',
    tag: 'Bewoners',
    summary: 'De vragen van een bewonersenquête en de buurten om uit te kiezen, zolang zij open is',
    params: surveyCodeParamsSchema,
    response: publicSurveySchema,
    problems: [400, 404, 429],
  },
  createSurveyResponse: {
    method: 'POST',
    path: '/api/public/v1/surveys/:publicCode/responses',
    auth: 'public',
    tag: 'Bewoners',
    summary: 'Een bewonersenquête invullen (zonder inloggen; één keer per browser, beperkt per adres)',
    params: surveyCodeParamsSchema,
    body: surveyResponseSchema,
    status: 201,
    response: surveyResponseReceiptSchema,
    problems: [400, 404, 409, 429],
  },
});
