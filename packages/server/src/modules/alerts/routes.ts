import { alertSchema, preferencesSchema, situationSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { idParams, pagingQuery } from '../../http/paging.js';
import { viewerOf } from '../cases/visibility.js';
import type { AlertHub } from './hub.js';
import {
  alertsOf,
  followCase,
  preferencesOf,
  readAlert,
  readAllAlerts,
  situationOf,
  unfollowCase,
  updatePreferences,
} from './use-cases.js';

const TAGS = ['Notificaties (SITRAP)'];
const PURPOSE = 'Casusregie integrale wijkaanpak';
const PING_MS = 25_000;

export function alertRoutes(app: FastifyInstance, hub: AlertHub) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { auth: 'cases.read', purpose: PURPOSE } as const;

  r.get(
    '/api/v1/alerts',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Mijn notificaties (alleen over casussen die ik nu nog mag zien)',
        querystring: z.strictObject({ unread: z.enum(['true', 'false']).optional(), ...pagingQuery }),
        response: {
          200: z.object({ items: z.array(alertSchema), total: z.number(), unread: z.number() }),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (req) => {
      const { unread, ...page } = req.query;
      return alertsOf(ctxOf(req), unread === 'true', page);
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
      await readAlert(ctxOf(req), req.params.id);
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
      await readAllAlerts(ctxOf(req));
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
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Content-Type-Options': 'nosniff',
        'X-Accel-Buffering': 'no',
      });
      // `retry` tells the browser how soon to reconnect after a dropped connection.
      res.write('retry: 3000\n: verbonden\n\n');
      const unsubscribe = hub.subscribe({
        tenantId: ctx.tenantId,
        viewer: viewerOf(ctx),
        send: (alert) => {
          res.write(`id: ${alert.id}\nevent: alert\ndata: ${JSON.stringify(alert)}\n\n`);
        },
        close: () => res.end(),
      });
      const ping = setInterval(() => {
        void ctx
          .sessionActive()
          .then((active) => {
            if (active) res.write(': ping\n\n');
            else res.end();
          })
          .catch(() => res.end());
      }, PING_MS);
      const done = () => {
        clearInterval(ping);
        unsubscribe();
      };
      res.on('close', done);
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
    async (req) => preferencesOf(ctxOf(req)),
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
    async (req) => situationOf(ctxOf(req), req.params.id),
  );
}
