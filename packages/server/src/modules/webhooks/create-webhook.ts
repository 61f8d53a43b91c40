import type { CreateWebhook, Webhook } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { audit } from '../audit/record.js';
import { insertWebhook } from './repository.js';

/**
 * `POST /webhooks` (admin): registers an endpoint for CloudEvents types (or `*`) with the secret that
 * signs each delivery. The secret is kept for signing and never answered, nor put in the audit record.
 */
export function createWebhook(ctx: RequestContext, input: CreateWebhook): Promise<Webhook> {
  return ctx.db.transaction(async (s) => {
    const events = [...new Set<string>(input.events)];
    const webhook = await insertWebhook(s, { url: input.url, events, secret: input.secret }, ctx.userId);
    await audit(s, ctx, {
      action: 'create',
      objectType: 'webhook',
      objectId: webhook.id,
      details: { url: webhook.url, events },
    });
    return webhook;
  });
}
