import { areaListSchema } from '../areas.js';
import { operations } from '../operation.js';
import {
  gemeenteQuerySchema,
  publicCategoryListSchema,
  publicReportFormSchema,
  publicReportReceiptSchema,
  publicReportSchema,
  publicReportStatusSchema,
  trackingCodeParamsSchema,
} from '../public-reports.js';

const tag = 'Bewoners';

/** The residents' API (no login): report, follow a report by its code, and what the form needs. */
export const publicReportOperations = operations({
  listPublicCategories: {
    method: 'GET',
    path: '/api/public/v1/categories',
    auth: 'public',
    tag,
    summary: 'Onderwerpen waarover bewoners een melding kunnen doen',
    query: gemeenteQuerySchema,
    response: publicCategoryListSchema,
    problems: [400, 503],
  },
  listPublicAreas: {
    method: 'GET',
    path: '/api/public/v1/areas',
    auth: 'public',
    tag,
    summary: 'Wijken en buurten (openbare grenzen) voor de kaart op het meldformulier',
    query: gemeenteQuerySchema,
    response: areaListSchema,
    problems: [400, 503],
  },
  createPublicReport: {
    method: 'POST',
    path: '/api/public/v1/reports',
    auth: 'public',
    tag,
    summary:
      'Melding doen als bewoner (zonder inloggen), als JSON of als multipart/form-data met één foto; geeft een code om de melding te volgen',
    query: gemeenteQuerySchema,
    body: publicReportSchema,
    form: publicReportFormSchema,
    status: 201,
    response: publicReportReceiptSchema,
    problems: [400, 413, 415, 429],
  },
  trackReport: {
    method: 'GET',
    path: '/api/public/v1/reports/:code',
    auth: 'public',
    tag,
    summary: 'Stand van een melding: status en berichten, nooit namen van mensen of organisaties',
    params: trackingCodeParamsSchema,
    response: publicReportStatusSchema,
    problems: [400, 404, 429],
  },
});
