import { retentionOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { getRetentionStatus } from './get-retention-status.js';
import { runRetention } from './run-retention.js';

/** Retention and anonymisation (issue 15): what is due, and the job run now by the admin. */
export function retentionRoutes(app: FastifyInstance) {
  const serve = routesFor(
    app,
    'Bewaartermijnen bewaken en verlopen gegevens anonimiseren (AVG art. 5 lid 1 sub e)',
  );
  serve(op.getRetentionStatus, (c) => getRetentionStatus(c.ctx));
  serve(op.runRetention, (c) => runRetention(c.ctx));
}
