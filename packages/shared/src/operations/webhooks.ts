import { idParams } from '../contract.js';
import { operations } from '../operation.js';
import {
  createWebhookSchema,
  webhookDeliveryListQuerySchema,
  webhookDeliveryListSchema,
  webhookListSchema,
  webhookSchema,
} from '../webhooks.js';

const tag = 'Organisatie';

/** Webhooks to other systems (admin): endpoints for CloudEvents and their delivery log. */
export const webhookOperations = operations({
  createWebhook: {
    method: 'POST',
    path: '/api/v1/webhooks',
    auth: 'webhooks.manage',
    tag,
    summary:
      'Webhook registreren: adres, soorten gebeurtenissen (CloudEvents-types of ["*"]) en het geheim waarmee elke levering wordt ondertekend. Het adres is https zonder gebruikersnaam of wachtwoord en wijst niet naar een intern netwerk (loopback, privé, link-local), tenzij de installatie dat toestaat (WIJKREGIE_WEBHOOK_ALLOW_PRIVATE=1); anders 400 op url',
    body: createWebhookSchema,
    status: 201,
    response: webhookSchema,
    problems: [400, 401, 403],
  },
  listWebhooks: {
    method: 'GET',
    path: '/api/v1/webhooks',
    auth: 'webhooks.manage',
    tag,
    summary: 'De webhooks van de gemeente (zonder geheim)',
    response: webhookListSchema,
    problems: [401, 403],
  },
  deleteWebhook: {
    method: 'DELETE',
    path: '/api/v1/webhooks/:id',
    auth: 'webhooks.manage',
    tag,
    summary: 'Webhook verwijderen: er gaat niets meer heen, ook geen wachtende leveringen',
    params: idParams,
    status: 204,
    problems: [400, 401, 403, 404],
  },
  listWebhookDeliveries: {
    method: 'GET',
    path: '/api/v1/webhooks/:id/deliveries',
    auth: 'webhooks.manage',
    tag,
    summary: 'Leveringslog van een webhook: gebeurtenis, status, pogingen, laatste antwoord, volgende poging',
    params: idParams,
    query: webhookDeliveryListQuerySchema,
    response: webhookDeliveryListSchema,
    problems: [400, 401, 403, 404],
  },
});
