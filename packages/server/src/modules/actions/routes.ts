import { actionOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { createAction } from './create-action.js';
import { findActions } from './find-actions.js';
import { getAction } from './get-action.js';
import { updateAction } from './update-action.js';

export function actionRoutes(app: FastifyInstance) {
  const serve = routesFor(app, 'Casusregie integrale wijkaanpak: afspraken en acties');
  serve(op.createAction, (c) => createAction(c.ctx, c.params.id, c.body));
  serve(op.findActions, (c) => findActions(c.ctx, c.query));
  serve(op.getAction, (c) => getAction(c.ctx, c.params.id));
  serve(op.updateAction, (c) => updateAction(c.ctx, c.params.id, c.body));
}
