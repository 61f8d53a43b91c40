import { overviewOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { getOverview } from './get-overview.js';

export function overviewRoutes(app: FastifyInstance) {
  const serve = routesFor(app, 'Casusregie integrale wijkaanpak: startpagina');
  serve(op.getOverview, (c) => getOverview(c.ctx));
}
