import { auditOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { listAudit } from './list-audit.js';
import { verifyAudit } from './verify-audit.js';

export function auditRoutes(app: FastifyInstance) {
  const serve = routesFor(app, 'Toezicht op verwerking persoonsgegevens');
  serve(op.listAudit, (c) => listAudit(c.ctx, c.query));
  serve(op.verifyAudit, (c) => verifyAudit(c.ctx));
}
