import { healthOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/db.js';
import { routesFor } from '../../http/serve.js';
import { checkHealth } from './check-health.js';

export function healthRoutes(app: FastifyInstance, db: Db) {
  const serve = routesFor(app);
  serve(op.checkHealth, () => checkHealth(db));
}
