import { areaSchema } from '../areas.js';
import { idParams } from '../contract.js';
import { importAnswerSchema, importProgressSchema } from '../early-warning.js';
import {
  areaImportResultSchema,
  areaImportSchema,
  areaPictureSchema,
  areaReportPdfSchema,
  areaReportQuerySchema,
  createAreaSchema,
  createIncidentSchema,
  incidentCategoryListSchema,
  incidentSchema,
  pictureQuerySchema,
} from '../neighbourhood.js';
import { operations } from '../operation.js';

const tag = 'Wijkbeeld';

/** The neighbourhood picture: the municipality's areas as the administrator loads them, and incidents. */
export const neighbourhoodOperations = operations({
  createArea: {
    method: 'POST',
    path: '/api/v1/areas',
    auth: 'areas.write',
    tag: 'Gebieden',
    summary: 'Wijk of buurt tekenen en benoemen (GeoJSON in WGS84 of RD New)',
    body: createAreaSchema,
    status: 201,
    response: areaSchema,
    problems: [400, 401, 403, 409],
  },
  importAreas: {
    method: 'POST',
    path: '/api/v1/areas/import',
    auth: 'areas.write',
    tag: 'Gebieden',
    summary: 'Wijken en buurten inlezen uit de CBS Wijk- en Buurtkaart (GeoJSON FeatureCollection)',
    body: areaImportSchema,
    response: areaImportResultSchema,
    problems: [400, 401, 403, 413],
  },
  listIncidentCategories: {
    method: 'GET',
    path: '/api/v1/incident-categories',
    auth: 'session',
    tag,
    summary: 'De soorten incidenten van de gemeente',
    response: incidentCategoryListSchema,
    problems: [401],
  },
  createIncident: {
    method: 'POST',
    path: '/api/v1/incidents',
    auth: 'incidents.write',
    tag,
    summary: 'Incident vastleggen: een gebeurtenis op een plek, nooit over een persoon',
    body: createIncidentSchema,
    status: 201,
    response: incidentSchema,
    problems: [400, 401, 403, 409],
  },
  getAreaPicture: {
    method: 'GET',
    path: '/api/v1/areas/:id/picture',
    auth: 'session',
    tag,
    summary: 'Het beeld van een wijk of buurt: per maand, per soort, per buurt en de brandpunten',
    params: idParams,
    query: pictureQuerySchema,
    response: areaPictureSchema,
    problems: [400, 401, 404],
  },
  /** The body is the partner's export itself (text/csv), not JSON; the server reads it as bytes. */
  importIncidents: {
    method: 'POST',
    path: '/api/v1/incidents/import',
    auth: 'incidents.write',
    tag,
    summary: 'Incidenten importeren uit de export van een partner (text/csv, max. 50 MiB)',
    consumes: ['text/csv'],
    response: importAnswerSchema,
    problems: [400, 401, 403, 409, 413, 415],
  },
  getCurrentIncidentImport: {
    method: 'GET',
    path: '/api/v1/incidents/imports/current',
    auth: 'incidents.write',
    tag,
    summary: 'Voortgang van mijn laatste incidentenimport',
    response: importProgressSchema,
    problems: [401, 403, 404],
  },
  exportAreaReport: {
    method: 'GET',
    path: '/api/v1/areas/:id/report.pdf',
    auth: 'session',
    tag,
    summary: 'Het wijkbeeld als PDF voor het overleg en de raad: kaart, trends, brandpunten, de aanpak',
    params: idParams,
    query: areaReportQuerySchema,
    response: areaReportPdfSchema,
    problems: [400, 401, 404],
  },
});
