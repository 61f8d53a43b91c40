import { neighbourhoodOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { createIncident } from './create-incident.js';
import { listIncidentCategories } from './list-incident-categories.js';

/** Why incidents are processed: the neighbourhood picture of the integrated approach. */
const PURPOSE = 'Wijkbeeld integrale wijkaanpak';

/** Incidents: place-based events, never about a person. */
export function incidentRoutes(app: FastifyInstance) {
  const serve = routesFor(app, PURPOSE);
  serve(op.listIncidentCategories, (c) => listIncidentCategories(c.ctx));
  serve(op.createIncident, (c) => createIncident(c.ctx, c.body));
}
