import { processingOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { assignCaseProcessingActivity } from './assign-case-processing-activity.js';
import { assignSignalProcessingActivity } from './assign-signal-processing-activity.js';
import { createProcessingActivity } from './create-processing-activity.js';
import { listProcessingActivities } from './list-processing-activities.js';
import { updateProcessingActivity } from './update-processing-activity.js';

/** The register of processing activities (AVG art. 30) and the activity a case or signal is under. */
export function processingRoutes(app: FastifyInstance) {
  const serve = routesFor(app, 'Verantwoording van de verwerkingen (AVG art. 30)');
  serve(op.listProcessingActivities, (c) => listProcessingActivities(c.ctx));
  serve(op.createProcessingActivity, (c) => createProcessingActivity(c.ctx, c.body));
  serve(op.updateProcessingActivity, (c) => updateProcessingActivity(c.ctx, c.params.id, c.body));
  serve(op.assignCaseProcessingActivity, (c) => assignCaseProcessingActivity(c.ctx, c.params.id, c.body));
  serve(op.assignSignalProcessingActivity, (c) => assignSignalProcessingActivity(c.ctx, c.params.id, c.body));
}
