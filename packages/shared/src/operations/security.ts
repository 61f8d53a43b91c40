import { idParams } from '../contract.js';
import { operations } from '../operation.js';
import {
  ownSessionListSchema,
  securitySettingsSchema,
  totpConfirmSchema,
  totpEnrolmentSchema,
  totpStatusSchema,
} from '../security.js';

const tag = 'Beveiliging';

/**
 * Tweestapsverificatie (TOTP) of the logged-in user, their own sessions, the municipality's security
 * settings and the admin's reset of a user's tweestapsverificatie.
 */
export const securityOperations = operations({
  totpStatus: {
    method: 'GET',
    path: '/api/v1/session/totp',
    auth: 'session',
    duringEnrolment: true,
    tag,
    summary: 'Of de ingelogde gebruiker tweestapsverificatie heeft, en hoeveel herstelcodes er over zijn',
    response: totpStatusSchema,
    problems: [401],
  },
  startTotpEnrolment: {
    method: 'POST',
    path: '/api/v1/session/totp',
    auth: 'session',
    duringEnrolment: true,
    tag,
    summary:
      'Tweestapsverificatie instellen: een nieuw geheim (otpauth-URL en QR-code als SVG) en tien herstelcodes, geldig na bevestigen',
    status: 201,
    response: totpEnrolmentSchema,
    problems: [401, 409],
  },
  confirmTotp: {
    method: 'POST',
    path: '/api/v1/session/totp/confirm',
    auth: 'session',
    duringEnrolment: true,
    tag,
    summary: 'Tweestapsverificatie bevestigen met een code uit de authenticator-app',
    body: totpConfirmSchema,
    status: 204,
    problems: [400, 401, 409, 413, 415],
  },
  listOwnSessions: {
    method: 'GET',
    path: '/api/v1/session/sessions',
    auth: 'session',
    tag,
    summary: 'Mijn actieve sessies (aangemaakt, laatst actief, browser; nooit het token)',
    response: ownSessionListSchema,
    problems: [401, 403],
  },
  endOwnSession: {
    method: 'DELETE',
    path: '/api/v1/session/sessions/:id',
    auth: 'session',
    tag,
    summary: 'Eén van mijn sessies beëindigen',
    params: idParams,
    status: 204,
    problems: [400, 401, 403, 404],
  },
  endOtherSessions: {
    method: 'DELETE',
    path: '/api/v1/session/sessions',
    auth: 'session',
    tag,
    summary: 'Overal anders uitloggen: al mijn sessies behalve deze beëindigen',
    status: 204,
    problems: [401, 403],
  },
  getSecuritySettings: {
    method: 'GET',
    path: '/api/v1/settings/security',
    auth: 'security.manage',
    tag,
    summary: 'Beveiligingsinstellingen van de gemeente: rollen die tweestapsverificatie moeten gebruiken',
    response: securitySettingsSchema,
    problems: [401, 403],
  },
  updateSecuritySettings: {
    method: 'PUT',
    path: '/api/v1/settings/security',
    auth: 'security.manage',
    tag,
    summary: 'Rollen die tweestapsverificatie moeten gebruiken instellen (beheerder)',
    body: securitySettingsSchema,
    response: securitySettingsSchema,
    problems: [400, 401, 403, 413, 415],
  },
  resetUserTotp: {
    method: 'DELETE',
    path: '/api/v1/users/:id/totp',
    auth: 'security.manage',
    tag,
    summary:
      'Tweestapsverificatie van een gebruiker resetten (beheerder; kwijtgeraakt toestel): geheim en herstelcodes vervallen',
    params: idParams,
    status: 204,
    problems: [400, 401, 403, 404],
  },
});
