import { z } from 'zod';
import { collection, pagingQuery } from './contract.js';

/*
 * Webhooks to other systems (issue 14): an admin registers endpoints for events; deliveries are
 * CloudEvents 1.0 in structured mode, signed with HMAC-SHA256 of the body, retried with back-off. A
 * payload carries ids, status, area and time — never a name or a text about a person.
 */

/** The CloudEvents types Wijkregie sends. */
export const WEBHOOK_EVENT_TYPES = [
  'nl.wijkregie.signal.received',
  'nl.wijkregie.signal.status_changed',
  'nl.wijkregie.survey.published',
  'nl.wijkregie.indicator.updated',
  'nl.wijkregie.meeting.held',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The event types in the words of the admin page. */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  'nl.wijkregie.signal.received': 'Signaal ontvangen',
  'nl.wijkregie.signal.status_changed': 'Status van een signaal gewijzigd',
  'nl.wijkregie.survey.published': 'Resultaten van een buurtenquête gepubliceerd',
  'nl.wijkregie.indicator.updated': 'Indicator van een gebiedsaanpak bijgewerkt',
  'nl.wijkregie.meeting.held': 'Overleg gehouden',
};

/** Where a delivery stands: waiting (or waiting again after a failure), being sent, delivered, given up. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const WEBHOOK_DELIVERY_STATUS_LABELS: Record<WebhookDeliveryStatus, string> = {
  pending: 'Wacht op (nieuwe) poging',
  sending: 'Wordt verstuurd',
  delivered: 'Afgeleverd',
  failed: 'Mislukt (opgegeven)',
};

export const createWebhookSchema = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, error: 'Geef een http- of https-adres' })
    .max(2000, 'Het adres is te lang (max. 2000 tekens)')
    .refine((u) => !/^[a-z]+:\/\/[^/?#]*@/i.test(u), 'Zet geen gebruikersnaam of wachtwoord in het adres'),
  events: z.union(
    [
      z.tuple([z.literal('*')]),
      z
        .array(z.enum(WEBHOOK_EVENT_TYPES, { error: 'Onbekend soort gebeurtenis' }))
        .min(1, 'Kies minstens één soort gebeurtenis')
        .max(WEBHOOK_EVENT_TYPES.length),
    ],
    { error: 'Kies soorten gebeurtenissen of ["*"]' },
  ),
  secret: z
    .string()
    .min(16, 'Het geheim is minstens 16 tekens')
    .max(200, 'Het geheim is te lang (max. 200 tekens)'),
});
export type CreateWebhook = z.infer<typeof createWebhookSchema>;

/** A registered endpoint; its secret is never answered. */
export const webhookSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(z.string()),
  createdAt: z.string(),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookListSchema = collection(webhookSchema);
export type WebhookList = z.infer<typeof webhookListSchema>;

export const webhookDeliveryListQuerySchema = z.strictObject({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES, { error: 'Onbekende status' }).optional(),
  ...pagingQuery,
});
export type WebhookDeliveryListQuery = z.infer<typeof webhookDeliveryListQuerySchema>;

/** One line of the delivery log. */
export const webhookDeliverySchema = z.object({
  id: z.uuid(),
  eventId: z.string(),
  eventType: z.enum(WEBHOOK_EVENT_TYPES),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryListSchema = collection(webhookDeliverySchema);
export type WebhookDeliveryList = z.infer<typeof webhookDeliveryListSchema>;
