import {
  caseDetailSchema,
  caseListQuerySchema,
  caseListSchema,
  caseSchema,
  createCaseSchema,
  createEntryFormSchema,
  createEntrySchema,
  entryListQuerySchema,
  entryListSchema,
  entrySchema,
  updateCaseSchema,
} from '../cases.js';
import { idParams } from '../contract.js';
import { operations } from '../operation.js';

const tag = 'Casussen';

/** Cases and their journal. */
export const caseOperations = operations({
  createCase: {
    method: 'POST',
    path: '/api/v1/cases',
    auth: 'cases.write',
    tag,
    summary: 'Casus aanmaken (de eigen organisatie neemt altijd deel)',
    body: createCaseSchema,
    status: 201,
    response: caseSchema,
    problems: [400, 401, 403],
  },
  listCases: {
    method: 'GET',
    path: '/api/v1/cases',
    auth: 'cases.read',
    tag,
    summary: 'Casussen die ik mag zien',
    query: caseListQuerySchema,
    response: caseListSchema,
    problems: [400, 401, 403],
  },
  getCase: {
    method: 'GET',
    path: '/api/v1/cases/:id',
    auth: 'cases.read',
    tag,
    summary: 'Casus (404 als je hem niet mag zien)',
    params: idParams,
    response: caseDetailSchema,
    problems: [400, 401, 403, 404],
  },
  updateCase: {
    method: 'PATCH',
    path: '/api/v1/cases/:id',
    auth: 'cases.write',
    tag,
    summary: 'Casus wijzigen: status (levenscyclus), titel, partners, casusregisseur',
    params: idParams,
    body: updateCaseSchema,
    response: caseSchema,
    problems: [400, 401, 403, 404, 409],
  },
  addEntry: {
    method: 'POST',
    path: '/api/v1/cases/:id/entries',
    auth: 'cases.write',
    tag,
    summary:
      'Notitie in het journaal, als JSON of als multipart/form-data met bestanden (403 zonder schrijfrecht op de categorie)',
    params: idParams,
    body: createEntrySchema,
    form: createEntryFormSchema,
    status: 201,
    response: entrySchema,
    problems: [400, 401, 403, 404, 409, 413, 415],
  },
  listEntries: {
    method: 'GET',
    path: '/api/v1/cases/:id/entries',
    auth: 'cases.read',
    tag,
    summary: 'Journaal: alleen notities in categorieën die mijn organisatie mag lezen',
    params: idParams,
    query: entryListQuerySchema,
    response: entryListSchema,
    problems: [400, 401, 403, 404],
  },
});
