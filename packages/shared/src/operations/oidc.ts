import { oidcCallbackQuerySchema, oidcStatusSchema } from '../oidc.js';
import { operations } from '../operation.js';

const tag = 'Sessie';

/**
 * Staff login through the municipality's OpenID Connect provider (authorization code with PKCE S256,
 * state and nonce). Both redirecting operations answer 302 with a `Location`; without `OIDC_ISSUER`
 * they answer 404.
 */
export const oidcOperations = operations({
  oidcStatus: {
    method: 'GET',
    path: '/api/v1/session/oidc/config',
    auth: 'public',
    tag,
    summary: 'Of inloggen via de gemeente (OpenID Connect) aan staat',
    response: oidcStatusSchema,
    problems: [],
  },
  oidcLogin: {
    method: 'GET',
    path: '/api/v1/session/oidc',
    auth: 'public',
    tag,
    summary: 'Inloggen via de gemeente: doorsturen naar de OpenID Connect-provider',
    status: 302,
    problems: [404, 503],
  },
  oidcCallback: {
    method: 'GET',
    path: '/api/v1/session/oidc/callback',
    auth: 'public',
    tag,
    summary: 'Terugkeer van de OpenID Connect-provider: inloggen en doorsturen naar de app',
    query: oidcCallbackQuerySchema,
    status: 302,
    problems: [404],
  },
});
