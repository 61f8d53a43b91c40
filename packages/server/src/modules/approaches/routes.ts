import { approachOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { createApproach } from './create-approach.js';
import { createIndicator } from './create-indicator.js';
import { createMeasurement } from './create-measurement.js';
import { createObservation } from './create-observation.js';
import { getApproach, listApproaches } from './get-approach.js';
import { linkToApproach } from './link-to-approach.js';
import { listObservations } from './list-observations.js';
import { unlinkFromApproach } from './unlink-from-approach.js';

/** The area approach and the field notes: about the neighbourhood, not about persons. */
export function approachRoutes(app: FastifyInstance) {
  const serve = routesFor(app);
  serve(op.createApproach, (c) => createApproach(c.ctx, c.body));
  serve(op.listApproaches, (c) => listApproaches(c.ctx, c.query.areaId));
  serve(op.getApproach, (c) => getApproach(c.ctx, c.params.id));
  serve(op.linkToApproach, (c) => linkToApproach(c.ctx, c.params.id, c.body));
  serve(op.unlinkFromApproach, (c) => unlinkFromApproach(c.ctx, c.params));
  serve(op.createIndicator, (c) => createIndicator(c.ctx, c.params.id, c.body));
  serve(op.createMeasurement, (c) => createMeasurement(c.ctx, c.params.id, c.body));
  serve(op.createObservation, (c) => createObservation(c.ctx, c.body));
  serve(op.listObservations, (c) => listObservations(c.ctx, c.query.areaId));
}
