import { operations } from '../operation.js';
import { overviewSchema } from '../overview.js';

/** The start page: what needs the caller today, per role. */
export const overviewOperations = operations({
  getOverview: {
    method: 'GET',
    path: '/api/v1/overview',
    auth: 'session',
    tag: 'Startpagina',
    summary:
      'Wat vandaag aandacht vraagt: acties, signalen, overleggen, gewijzigde casussen en notificaties (regisseur: de hele gemeente)',
    response: overviewSchema,
    problems: [401],
  },
});
