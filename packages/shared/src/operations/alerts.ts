import { idParams } from '../contract.js';
import {
  alertListQuerySchema,
  alertListSchema,
  preferencesSchema,
  situationSchema,
} from '../coordination.js';
import { operations } from '../operation.js';

const tag = 'Notificaties (SITRAP)';

/**
 * Alerts (SITRAP), the caller's email preference, following a case and its situation. The live
 * stream (`GET /api/v1/alerts/stream`) is no operation: it is a server-sent event stream that stays
 * open, registered by the server on its own.
 */
export const alertOperations = operations({
  listAlerts: {
    method: 'GET',
    path: '/api/v1/alerts',
    auth: 'cases.read',
    tag,
    summary: 'Mijn notificaties (alleen over casussen die ik nu nog mag zien)',
    query: alertListQuerySchema,
    response: alertListSchema,
    problems: [400, 401, 403],
  },
  markAlertRead: {
    method: 'POST',
    path: '/api/v1/alerts/:id/read',
    auth: 'cases.read',
    tag,
    summary: 'Notificatie als gelezen markeren',
    params: idParams,
    status: 204,
    problems: [400, 401, 403, 404],
  },
  markAllAlertsRead: {
    method: 'POST',
    path: '/api/v1/alerts/read-all',
    auth: 'cases.read',
    tag,
    summary: 'Alle notificaties als gelezen markeren',
    status: 204,
    problems: [401, 403],
  },
  getPreferences: {
    method: 'GET',
    path: '/api/v1/me/preferences',
    auth: 'session',
    tag,
    summary: 'Mijn voorkeur voor e-mail bij notificaties',
    response: preferencesSchema,
    problems: [401],
  },
  updatePreferences: {
    method: 'PUT',
    path: '/api/v1/me/preferences',
    auth: 'session',
    tag,
    summary: 'Voorkeur voor e-mail: immediate, daily of off',
    body: preferencesSchema,
    response: preferencesSchema,
    problems: [400, 401],
  },
  followCase: {
    method: 'POST',
    path: '/api/v1/cases/:id/follow',
    auth: 'cases.read',
    tag,
    summary: 'Casus volgen: notificaties bij elke wijziging',
    params: idParams,
    status: 204,
    problems: [400, 401, 403, 404],
  },
  unfollowCase: {
    method: 'DELETE',
    path: '/api/v1/cases/:id/follow',
    auth: 'cases.read',
    tag,
    summary: 'Casus niet meer volgen',
    params: idParams,
    status: 204,
    problems: [400, 401, 403, 404],
  },
  getSituation: {
    method: 'GET',
    path: '/api/v1/cases/:id/situation',
    auth: 'cases.read',
    tag,
    summary: 'Wat er veranderde sinds mijn vorige blik op de casus (en die blik onthouden)',
    params: idParams,
    response: situationSchema,
    problems: [400, 401, 403, 404],
  },
});
