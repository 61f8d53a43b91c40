import type { WebhookEventType } from '@wijkregie/shared';
import { z } from 'zod';
import type { Db, Queryable } from '../db/db.js';
import { col, execute, oneRow, rows } from '../db/rows.js';
import type { TenantScope } from '../db/scope.js';

/**
 * The SQL of the webhook outbox (table `webhook_deliveries`). Modules add an event with
 * `enqueueWebhookEvent` inside the transaction of their change; the worker (webhooks.ts) claims,
 * sends and marks the deliveries.
 */

/** NOTIFY channel that wakes the webhook workers of every instance (sent at commit). */
export const WEBHOOK_CHANNEL = 'wijkregie_webhooks';

/**
 * What an event may carry: ids, a status, an area id and times — never a name or a text about a
 * person. The type allows only strings (ids, statuses, ISO times) and null, so no free text object
 * slips in unnoticed; the producers pick the fields.
 */
export type WebhookEventData = Readonly<Record<string, string | null>>;

/**
 * One delivery per endpoint of the tenant that wants `type` (or `*`), in the caller's transaction: the
 * event exists exactly when the change committed. Wakes the workers at commit.
 */
export function enqueueWebhookEvent(
  s: TenantScope,
  type: WebhookEventType,
  data: WebhookEventData,
): Promise<void> {
  return enqueueWebhookEvents(s, type, [data]);
}

/**
 * Many events of one type in one statement (a batch of imported signals): each event its own id, one
 * delivery per event and endpoint that wants `type`. When no endpoint of the tenant wants the type the
 * events are not even unpacked.
 */
export async function enqueueWebhookEvents(
  s: TenantScope,
  type: WebhookEventType,
  events: readonly WebhookEventData[],
): Promise<void> {
  if (events.length === 0) return;
  const { n } = await oneRow(
    s.q,
    z.object({ n: col.int }),
    `WITH wanted AS (
       SELECT w.tenant_id, w.id FROM webhooks w
        WHERE w.tenant_id = $1 AND ($2 = ANY (w.events) OR '*' = ANY (w.events))),
     events AS MATERIALIZED (
       SELECT gen_random_uuid() AS event_id, e.data
         FROM jsonb_array_elements($3::jsonb) AS e (data)
        WHERE EXISTS (SELECT 1 FROM wanted)),
     added AS (
       INSERT INTO webhook_deliveries (tenant_id, webhook_id, event_id, event_type, event_time, data)
       SELECT wanted.tenant_id, wanted.id, events.event_id, $2, now(), events.data
         FROM events CROSS JOIN wanted
       RETURNING 1)
     SELECT count(*)::int AS n FROM added`,
    [s.tenantId, type, JSON.stringify(events)],
  );
  if (n > 0) await execute(s.q, `SELECT pg_notify('${WEBHOOK_CHANNEL}', '')`);
}

export const deliveryRow = z.object({
  id: col.uuid,
  tenant_id: col.uuid,
  event_id: col.uuid,
  event_type: col.text,
  event_time: col.timestamp,
  data: col.json,
  attempts: col.int,
  url: col.text,
  secret: col.text,
});
export type DeliveryRow = z.infer<typeof deliveryRow>;

/**
 * Claims up to `batch` due deliveries in one short transaction (`FOR UPDATE SKIP LOCKED`, so
 * instances never take the same row), marks them `sending` with a lock deadline: a delivery whose
 * process died while sending is due again once the deadline passed.
 */
export function claimDueDeliveries(db: Db, batch: number, lockMs: number): Promise<DeliveryRow[]> {
  return db.transaction((tx) =>
    rows(
      tx,
      deliveryRow,
      `WITH due AS (
         SELECT tenant_id, id FROM webhook_deliveries
          WHERE (status = 'pending' AND next_attempt_at <= now())
             OR (status = 'sending' AND locked_until < now())
          ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       UPDATE webhook_deliveries d
          SET status = 'sending', attempts = d.attempts + 1,
              locked_until = now() + make_interval(secs => $2::double precision / 1000)
         FROM due, webhooks w
        WHERE d.tenant_id = due.tenant_id AND d.id = due.id
          AND w.tenant_id = d.tenant_id AND w.id = d.webhook_id
       RETURNING d.id, d.tenant_id, d.event_id, d.event_type, d.event_time, d.data, d.attempts, w.url, w.secret`,
      [batch, lockMs],
    ),
  );
}

/** Delivered: the receiver answered 2xx. */
export async function markDelivered(q: Queryable, d: DeliveryRow, statusCode: number): Promise<void> {
  await execute(
    q,
    `UPDATE webhook_deliveries
        SET status = 'delivered', locked_until = NULL, last_status_code = $3, last_error = NULL,
            delivered_at = now()
      WHERE tenant_id = $1 AND id = $2`,
    [d.tenant_id, d.id, statusCode],
  );
}

/**
 * A failed attempt: back to `pending`, due again in `retryInMs`; or `failed` for good when `retryInMs`
 * is null (the last attempt).
 */
export async function markAttemptFailed(
  q: Queryable,
  d: DeliveryRow,
  result: { statusCode: number | null; error: string },
  retryInMs: number | null,
): Promise<void> {
  await execute(
    q,
    `UPDATE webhook_deliveries
        SET status = CASE WHEN $5::double precision IS NULL THEN 'failed' ELSE 'pending' END,
            locked_until = NULL, last_status_code = $3, last_error = $4,
            next_attempt_at = CASE WHEN $5::double precision IS NULL THEN next_attempt_at
                                   ELSE now() + make_interval(secs => $5::double precision / 1000) END
      WHERE tenant_id = $1 AND id = $2 AND status = 'sending'`,
    [d.tenant_id, d.id, result.statusCode, result.error, retryInMs],
  );
}
