import type { CreateWebhook, Webhook } from '@wijkregie/shared';
import { destinationRefusal, type WebhookDestinationPolicy } from '../../background/webhook-destination.js';
import type { RequestContext } from '../../http/context.js';
import { invalidField } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { insertWebhook } from './repository.js';

/**
 * `POST /webhooks` (admin): registers an endpoint for CloudEvents types (or `*`) with the secret that
 * signs each delivery. The secret is kept for signing and never answered, nor put in the audit record.
 * Without the installation's permission the address must be https and reach no internal network (400 on
 * `url`; webhook-destination.ts) — checked here and again at every delivery.
 */
export async function createWebhook(
  ctx: RequestContext,
  input: CreateWebhook,
  destinations: WebhookDestinationPolicy,
): Promise<Webhook> {
  const refused = await destinationRefusal(input.url, destinations);
  if (refused) throw invalidField('url', refused);
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
