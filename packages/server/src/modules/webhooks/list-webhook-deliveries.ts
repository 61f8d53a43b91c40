import type { WebhookDeliveryList, WebhookDeliveryListQuery } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { listDeliveries, webhookExists } from './repository.js';

/** `GET /webhooks/:id/deliveries` (admin): the delivery log of an endpoint, newest first; 404 if unknown. */
export async function listWebhookDeliveries(
  ctx: RequestContext,
  id: string,
  q: WebhookDeliveryListQuery,
): Promise<WebhookDeliveryList> {
  const s = ctx.db.read;
  if (!(await webhookExists(s, id))) throw notFound('Deze webhook bestaat niet.');
  return listDeliveries(s, id, q.status, { limit: q.limit, offset: q.offset });
}
