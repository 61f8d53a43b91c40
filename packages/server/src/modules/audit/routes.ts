import { auditOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { csvAnswer } from '../../lib/spreadsheet-csv.js';
import { listAudit } from './list-audit.js';
import { verifyAudit } from './verify-audit.js';

export function auditRoutes(app: FastifyInstance) {
  const serve = routesFor(app, 'Toezicht op verwerking persoonsgegevens');
  serve(op.listAudit, async (c) => {
    const answer = await listAudit(c.ctx, c.query);
    return 'csv' in answer ? csvAnswer(c.reply, answer.csv) : answer.json;
  });
  serve(op.verifyAudit, (c) => verifyAudit(c.ctx));
}
