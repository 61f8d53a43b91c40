import {
  ACTION_STATUSES,
  actionDetailSchema,
  actionSchema,
  createActionSchema,
  updateActionSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context.js';
import { collection, problemResponses } from '../../http/openapi.js';
import { idParams, pagingQuery } from '../../http/paging.js';
import { createAction, findActions, getAction, updateAction } from './use-cases.js';

const PURPOSE = 'Casusregie integrale wijkaanpak: afspraken en acties';
const TAGS = ['Acties'];
const bool = z.enum(['true', 'false'], { error: 'Kies true of false' }).optional();

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
        querystring: z.strictObject({
          mine: bool,
          partner: bool,
          overdue: bool,
          dueThisWeek: bool,
          status: z.enum(ACTION_STATUSES, { error: 'Kies open, done of cancelled' }).optional(),
          caseId: z.uuid({ error: 'Geen geldige casus' }).optional(),
          meetingId: z.uuid({ error: 'Geen geldig overleg' }).optional(),
          ...pagingQuery,
        }),
        response: { 200: collection(actionSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const { limit, offset, mine, partner, overdue, dueThisWeek, ...rest } = req.query;
      return findActions(
        ctxOf(req),
        {
          ...rest,
          mine: mine === 'true',
          partner: partner === 'true',
          overdue: overdue === 'true',
          dueThisWeek: dueThisWeek === 'true',
        },
        { limit, offset },
      );
    },
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
