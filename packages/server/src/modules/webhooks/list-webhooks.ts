import type { WebhookList } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { listWebhooks as readWebhooks } from './repository.js';

/** `GET /webhooks` (admin): the tenant's endpoints, without their secrets. */
export async function listWebhooks(ctx: RequestContext): Promise<WebhookList> {
  const items = await readWebhooks(ctx.db.read);
  return { items, total: items.length };
}
