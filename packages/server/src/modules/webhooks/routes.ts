import { webhookOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { WebhookDestinationPolicy } from '../../background/webhook-destination.js';
import { routesFor } from '../../http/serve.js';
import { createWebhook } from './create-webhook.js';
import { deleteWebhook } from './delete-webhook.js';
import { listWebhookDeliveries } from './list-webhook-deliveries.js';
import { listWebhooks } from './list-webhooks.js';

/** Why webhooks are processed: informing the municipality's and neighbourhood's own systems. */
const PURPOSE = 'Koppelingen met andere systemen';

/** Webhooks to other systems (admin). */
export function webhookRoutes(app: FastifyInstance, destinations: WebhookDestinationPolicy) {
  const serve = routesFor(app, PURPOSE);
  serve(op.createWebhook, (c) => createWebhook(c.ctx, c.body, destinations));
  serve(op.listWebhooks, (c) => listWebhooks(c.ctx));
  serve(op.deleteWebhook, (c) => deleteWebhook(c.ctx, c.params.id));
  serve(op.listWebhookDeliveries, (c) => listWebhookDeliveries(c.ctx, c.params.id, c.query));
}
