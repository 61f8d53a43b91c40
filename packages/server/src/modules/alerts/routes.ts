import { type Alert, alertOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Viewer, viewerOf } from '../../access/viewer.js';
import type { LiveHub } from '../../background/live.js';
import { ctxOf } from '../../http/context.js';
import { openEventStream } from '../../http/event-stream.js';
import { problemResponses } from '../../http/openapi.js';
import { routesFor } from '../../http/serve.js';
import { followCase } from './follow-case.js';
import { getPreferences } from './get-preferences.js';
import { getSituation } from './get-situation.js';
import { listAlerts } from './list-alerts.js';
import { markAlertRead } from './mark-alert-read.js';
import { markAllAlertsRead } from './mark-all-alerts-read.js';
import { unfollowCase } from './unfollow-case.js';
import { updatePreferences } from './update-preferences.js';

const PURPOSE = 'Casusregie integrale wijkaanpak';

export function alertRoutes(app: FastifyInstance, hub: LiveHub<Viewer, Alert>) {
  const serve = routesFor(app, PURPOSE);
  // The caller's own settings: no case data, so no processing purpose of case work.
  const serveOwn = routesFor(app);
  serve(op.listAlerts, (c) => listAlerts(c.ctx, c.query));
  serve(op.markAlertRead, (c) => markAlertRead(c.ctx, c.params.id));
  serve(op.markAllAlertsRead, (c) => markAllAlertsRead(c.ctx));
  serveOwn(op.getPreferences, (c) => getPreferences(c.ctx));
  serveOwn(op.updatePreferences, (c) => updatePreferences(c.ctx, c.body));
  serve(op.followCase, (c) => followCase(c.ctx, c.params.id));
  serve(op.unfollowCase, (c) => unfollowCase(c.ctx, c.params.id));
  serve(op.getSituation, (c) => getSituation(c.ctx, c.params.id));

  // Not an operation: a server-sent event stream that stays open (the reply is taken over).
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/alerts/stream',
    {
      config: { auth: 'cases.read', purpose: PURPOSE },
      schema: {
        tags: ['Notificaties (SITRAP)'],
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
}
