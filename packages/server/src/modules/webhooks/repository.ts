import type {
  Webhook,
  WebhookDeliveryList,
  WebhookDeliveryStatus,
  WebhookEventType,
} from '@wijkregie/shared';
import { z } from 'zod';
import { type PageRequest, Params, selectPage } from '../../db/params.js';
import { col, hasRow, oneRow, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

/** The tenant's webhook endpoints (`webhooks`) and their delivery log (`webhook_deliveries`). */

const webhookRow = z.object({
  id: col.uuid,
  url: col.text,
  events: col.textArray,
  created_at: col.timestamp,
});

const toWebhook = (r: z.output<typeof webhookRow>): Webhook => ({
  id: r.id,
  url: r.url,
  events: r.events,
  createdAt: r.created_at.toISOString(),
});

export async function insertWebhook(
  s: TenantScope,
  values: { url: string; events: readonly string[]; secret: string },
  userId: string,
): Promise<Webhook> {
  const r = await oneRow(
    s.q,
    webhookRow,
    `INSERT INTO webhooks (tenant_id, url, events, secret, created_by) VALUES ($1, $2, $3::text[], $4, $5)
     RETURNING id, url, events, created_at`,
    [s.tenantId, values.url, values.events, values.secret, userId],
  );
  return toWebhook(r);
}

/** Every endpoint of the tenant, oldest first; never the secret. */
export async function listWebhooks(s: TenantScope): Promise<Webhook[]> {
  const found = await rows(
    s.q,
    webhookRow,
    'SELECT id, url, events, created_at FROM webhooks WHERE tenant_id = $1 ORDER BY created_at, id',
    [s.tenantId],
  );
  return found.map(toWebhook);
}

export function webhookExists(s: TenantScope, id: string): Promise<boolean> {
  return hasRow(s.q, 'SELECT 1 FROM webhooks WHERE tenant_id = $1 AND id = $2', [s.tenantId, id]);
}

/** Deletes the endpoint and, with it, its deliveries; answers whether it existed. */
export function deleteWebhook(s: TenantScope, id: string): Promise<boolean> {
  return hasRow(s.q, 'DELETE FROM webhooks WHERE tenant_id = $1 AND id = $2 RETURNING id', [s.tenantId, id]);
}

const deliveryRow = z.object({
  id: col.uuid,
  event_id: col.uuid,
  event_type: col.text,
  status: col.text,
  attempts: col.int,
  last_status_code: col.int.nullable(),
  last_error: col.text.nullable(),
  next_attempt_at: col.timestamp,
  delivered_at: col.timestamp.nullable(),
  created_at: col.timestamp,
});

/** The delivery log of one endpoint, newest first. */
export async function listDeliveries(
  s: TenantScope,
  webhookId: string,
  status: WebhookDeliveryStatus | undefined,
  page: PageRequest,
): Promise<WebhookDeliveryList> {
  const p = new Params();
  const where = [`tenant_id = ${p.add(s.tenantId)}`, `webhook_id = ${p.add(webhookId)}`];
  if (status) where.push(`status = ${p.add(status)}`);
  const { rows: found, total } = await selectPage(
    s.q,
    deliveryRow,
    p,
    {
      select:
        'id, event_id, event_type, status, attempts, last_status_code, last_error, next_attempt_at, delivered_at, created_at',
      fromWhere: `FROM webhook_deliveries WHERE ${where.join(' AND ')}`,
      order: 'created_at DESC, id',
    },
    page,
  );
  return {
    items: found.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      eventType: r.event_type as WebhookEventType,
      status: r.status as WebhookDeliveryStatus,
      attempts: r.attempts,
      lastStatusCode: r.last_status_code,
      lastError: r.last_error,
      nextAttemptAt:
        r.status === 'pending' || r.status === 'sending' ? r.next_attempt_at.toISOString() : null,
      deliveredAt: r.delivered_at ? r.delivered_at.toISOString() : null,
      createdAt: r.created_at.toISOString(),
    })),
    total,
  };
}
