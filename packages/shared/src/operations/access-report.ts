import { accessReportAnswerSchema, accessReportQuerySchema } from '../access-report.js';
import { idParams } from '../contract.js';
import { operations } from '../operation.js';

const tag = 'Privacy';

/** The access report of a person (AVG art. 15): the regisseur or the privacy officer makes it. */
export const accessReportOperations = operations({
  getAccessReport: {
    method: 'GET',
    path: '/api/v1/persons/:id/access-report',
    auth: 'persons.accessreport',
    tag,
    summary:
      'Inzageoverzicht (AVG art. 15): alles wat over de persoon is vastgelegd en elke inzage of wijziging (wanneer, welke organisatie, voor welke verwerking); `format=pdf` voor een brief',
    params: idParams,
    query: accessReportQuerySchema,
    response: accessReportAnswerSchema,
    problems: [400, 401, 403, 404],
  },
});
