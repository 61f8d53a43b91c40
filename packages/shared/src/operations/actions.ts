import { idParams } from '../contract.js';
import {
  actionDetailSchema,
  actionListQuerySchema,
  actionListSchema,
  actionSchema,
  createActionSchema,
  updateActionSchema,
} from '../coordination.js';
import { operations } from '../operation.js';

const tag = 'Acties';

/** Actions agreed in a case: who does what, when. */
export const actionOperations = operations({
  createAction: {
    method: 'POST',
    path: '/api/v1/cases/:id/actions',
    auth: 'actions.write',
    tag,
    summary: 'Actie afspreken: wie (partner, eventueel medewerker) doet wat, wanneer',
    params: idParams,
    body: createActionSchema,
    status: 201,
    response: actionSchema,
    problems: [400, 401, 403, 404, 409],
  },
  findActions: {
    method: 'GET',
    path: '/api/v1/actions',
    auth: 'actions.read',
    tag,
    summary: 'Acties van casussen die ik mag zien (mijn acties, mijn organisatie, te laat, deze week)',
    query: actionListQuerySchema,
    response: actionListSchema,
    problems: [400, 401, 403, 404],
  },
  getAction: {
    method: 'GET',
    path: '/api/v1/actions/:id',
    auth: 'actions.read',
    tag,
    summary: 'Actie met de geschiedenis van wijzigingen',
    params: idParams,
    response: actionDetailSchema,
    problems: [400, 401, 403, 404],
  },
  updateAction: {
    method: 'PATCH',
    path: '/api/v1/actions/:id',
    auth: 'actions.write',
    tag,
    summary: 'Actie bijwerken (uitvoerende partner, casusregisseur of regisseur)',
    params: idParams,
    body: updateActionSchema,
    response: actionSchema,
    problems: [400, 401, 403, 404],
  },
});
