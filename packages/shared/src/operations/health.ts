import { healthSchema } from '../contract.js';
import { operations } from '../operation.js';

/** Whether the server can work: for load balancers and monitoring, outside the versioned API. */
export const healthOperations = operations({
  checkHealth: {
    method: 'GET',
    path: '/health',
    auth: 'public',
    tag: 'Systeem',
    summary: 'Gezondheid: de database antwoordt en de migraties zijn gedraaid',
    response: healthSchema,
    problems: [503],
  },
});
