import { planOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { getOutcomes } from './get-outcomes.js';

/** The results across cases: what the plans of approach achieved, per life domain and by outcome. */
export function outcomeRoutes(app: FastifyInstance) {
  const serve = routesFor(app, 'Casusregie integrale wijkaanpak: resultaten van de aanpak');

  serve(op.getOutcomes, (c) => getOutcomes(c.ctx, c.query));
}
