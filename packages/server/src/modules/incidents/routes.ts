import { neighbourhoodOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { createIncident } from './create-incident.js';
import { getIncidentImport } from './get-incident-import.js';
import { importIncidents } from './import-incidents.js';
import { listIncidentCategories } from './list-incident-categories.js';

/** Why incidents are processed: the neighbourhood picture of the integrated approach. */
const PURPOSE = 'Wijkbeeld integrale wijkaanpak';
const CSV_LIMIT = 50 * 1024 * 1024;

/** Incidents: place-based events, never about a person. */
export function incidentRoutes(app: FastifyInstance) {
  const serve = routesFor(app, PURPOSE);
  serve(op.listIncidentCategories, (c) => listIncidentCategories(c.ctx));
  serve(op.createIncident, (c) => createIncident(c.ctx, c.body));
  // The text/csv body parser (the whole file as a Buffer, at most 50 MiB) is the one the creditor
  // import registers; the body is the file's bytes, which no schema describes: the use case checks it.
  serve(op.importIncidents, (c) => importIncidents(c.ctx, c.request.body), { bodyLimit: CSV_LIMIT });
  serve(op.getCurrentIncidentImport, (c) => getIncidentImport(c.ctx));
}
