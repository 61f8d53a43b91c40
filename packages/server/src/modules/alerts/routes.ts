import {
  type Alert,
  alertListQuerySchema,
  alertListSchema,
  idParams,
  preferencesSchema,
  situationSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Viewer } from '../../access/viewer.js';
import { viewerOf } from '../../access/viewer.js';
import type { LiveHub } from '../../background/live.js';
import { ctxOf } from '../../http/context.js';
import { openEventStream } from '../../http/event-stream.js';
import { problemResponses } from '../../http/openapi.js';
import { followCase } from './follow-case.js';
import { getPreferences } from './get-preferences.js';
import { getSituation } from './get-situation.js';
import { listAlerts } from './list-alerts.js';
import { markAlertRead } from './mark-alert-read.js';
import { markAllAlertsRead } from './mark-all-alerts-read.js';
import { unfollowCase } from './unfollow-case.js';
import { updatePreferences } from './update-preferences.js';

const TAGS = ['Notificaties (SITRAP)'];
const PURPOSE = 'Casusregie integrale wijkaanpak';

export function alertRoutes(app: FastifyInstance, hub: LiveHub<Viewer, Alert>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { auth: 'cases.read', purpose: PURPOSE } as const;

  r.get(
    '/api/v1/alerts',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Mijn notificaties (alleen over casussen die ik nu nog mag zien)',
        querystring: alertListQuerySchema,
        response: { 200: alertListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const { unread, ...page } = req.query;
      return listAlerts(ctxOf(req), unread === 'true', page);
    },
  );

  r.post(
    '/api/v1/alerts/:id/read',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Notificatie als gelezen markeren',
        params: idParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await markAlertRead(ctxOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/alerts/read-all',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Alle notificaties als gelezen markeren',
        response: { 204: z.null(), ...problemResponses(401, 403) },
      },
    },
    async (req, reply) => {
      await markAllAlertsRead(ctxOf(req));
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/alerts/stream',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Live notificaties (text/event-stream, `event: alert` met de notificatie als JSON)',
        response: { 200: z.string(), ...problemResponses(401, 403) },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      openEventStream<Alert>(reply, {
        subscribe: (send, end) =>
          hub.subscribe({
            tenantId: ctx.tenantId,
            userId: ctx.userId,
            viewer: viewerOf(ctx),
            send: (alert) => send({ id: alert.id, type: 'alert', data: alert }),
            close: end,
          }),
        stillAllowed: () => ctx.sessionActive(),
      });
    },
  );

  r.get(
    '/api/v1/me/preferences',
    {
      config: { auth: 'session' },
      schema: {
        tags: TAGS,
        summary: 'Mijn voorkeur voor e-mail bij notificaties',
        response: { 200: preferencesSchema, ...problemResponses(401) },
      },
    },
    async (req) => getPreferences(ctxOf(req)),
  );

  r.put(
    '/api/v1/me/preferences',
    {
      config: { auth: 'session' },
      schema: {
        tags: TAGS,
        summary: 'Voorkeur voor e-mail: immediate, daily of off',
        body: preferencesSchema,
        response: { 200: preferencesSchema, ...problemResponses(400, 401) },
      },
    },
    async (req) => updatePreferences(ctxOf(req), req.body),
  );

  r.post(
    '/api/v1/cases/:id/follow',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Casus volgen: notificaties bij elke wijziging',
        params: idParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await followCase(ctxOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.delete(
    '/api/v1/cases/:id/follow',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Casus niet meer volgen',
        params: idParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await unfollowCase(ctxOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/cases/:id/situation',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Wat er veranderde sinds mijn vorige blik op de casus (en die blik onthouden)',
        params: idParams,
        response: { 200: situationSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => getSituation(ctxOf(req), req.params.id),
  );
}
