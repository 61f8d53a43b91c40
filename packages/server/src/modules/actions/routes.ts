import {
  actionDetailSchema,
  actionListQuerySchema,
  actionListSchema,
  actionSchema,
  createActionSchema,
  idParams,
  updateActionSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { createAction } from './create-action.js';
import { findActions } from './find-actions.js';
import { getAction } from './get-action.js';
import { updateAction } from './update-action.js';

const PURPOSE = 'Casusregie integrale wijkaanpak: afspraken en acties';
const TAGS = ['Acties'];

export function actionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { auth: 'actions.read', purpose: PURPOSE } as const;
  const write = { auth: 'actions.write', purpose: PURPOSE } as const;

  r.post(
    '/api/v1/cases/:id/actions',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Actie afspreken: wie (partner, eventueel medewerker) doet wat, wanneer',
        params: idParams,
        body: createActionSchema,
        response: { 201: actionSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await createAction(ctxOf(req), req.params.id, req.body)),
  );

  r.get(
    '/api/v1/actions',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Acties van casussen die ik mag zien (mijn acties, mijn organisatie, te laat, deze week)',
        querystring: actionListQuerySchema,
        response: { 200: actionListSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => findActions(ctxOf(req), req.query),
  );

  r.get(
    '/api/v1/actions/:id',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Actie met de geschiedenis van wijzigingen',
        params: idParams,
        response: { 200: actionDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => getAction(ctxOf(req), req.params.id),
  );

  r.patch(
    '/api/v1/actions/:id',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: 'Actie bijwerken (uitvoerende partner, casusregisseur of regisseur)',
        params: idParams,
        body: updateActionSchema,
        response: { 200: actionSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => updateAction(ctxOf(req), req.params.id, req.body),
  );
}
