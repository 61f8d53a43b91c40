import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { deleteWebhook as removeWebhook } from './repository.js';

/** `DELETE /webhooks/:id` (admin): nothing goes there any more, waiting deliveries included; 404 if unknown. */
export function deleteWebhook(ctx: RequestContext, id: string): Promise<void> {
  return ctx.db.transaction(async (s) => {
    if (!(await removeWebhook(s, id))) throw notFound('Deze webhook bestaat niet.');
    await audit(s, ctx, { action: 'delete', objectType: 'webhook', objectId: id });
  });
}
