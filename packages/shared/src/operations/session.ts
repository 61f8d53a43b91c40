import { operations } from '../operation.js';
import { demoAccountsSchema, loginSchema, sessionResponseSchema } from '../session.js';

const tag = 'Sessie';

/** Logging in and out, the logged-in user, and the demo accounts for the login page. */
export const sessionOperations = operations({
  login: {
    method: 'POST',
    path: '/api/v1/session',
    auth: 'public',
    tag,
    summary:
      'Inloggen; met tweestapsverificatie ook `otp` (code uit de authenticator-app of een herstelcode), anders 401 met een fout op `otp`',
    body: loginSchema,
    response: sessionResponseSchema,
    problems: [400, 401, 429],
  },
  currentSession: {
    method: 'GET',
    path: '/api/v1/session',
    auth: 'session',
    duringEnrolment: true,
    tag,
    summary: 'De ingelogde gebruiker',
    response: sessionResponseSchema,
    problems: [401],
  },
  logout: {
    method: 'DELETE',
    path: '/api/v1/session',
    auth: 'session',
    duringEnrolment: true,
    tag,
    summary: 'Uitloggen',
    status: 204,
    problems: [401],
  },
  demoAccounts: {
    method: 'GET',
    path: '/api/v1/demo-accounts',
    auth: 'public',
    tag,
    summary: 'Demo-accounts (alleen in de demo-omgeving)',
    response: demoAccountsSchema,
    problems: [],
  },
});
