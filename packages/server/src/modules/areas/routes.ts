import { areaOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { listAreas } from './list-areas.js';

export function areaRoutes(app: FastifyInstance) {
  const serve = routesFor(app);
  serve(op.listAreas, (c) => listAreas(c.ctx));
}
