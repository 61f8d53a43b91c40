import type { SystemDb } from '../../db/scope.js';
import { AppError, notFound } from '../../http/errors.js';
import type { OidcRelyingParty } from './oidc-client.js';
import { saveOidcLogin } from './oidc-repository.js';

/** Where a log line about the provider goes (the request's logger). */
export interface OidcLog {
  warn(details: Record<string, unknown>, message: string): void;
}

export const OIDC_NOT_CONFIGURED = 'Inloggen via de gemeente staat niet aan.';

/**
 * `GET /session/oidc`: starts a login at the municipality's provider. Keeps the PKCE verifier and the
 * nonce under the SHA-256 of a new state (the route puts the state in a short-lived HttpOnly cookie
 * too) and answers the provider's authorization URL to redirect to. 404 when OIDC is not configured,
 * 503 when the provider cannot be reached (its discovery document).
 */
export async function startOidcLogin(
  system: SystemDb,
  rp: OidcRelyingParty | undefined,
  log: OidcLog,
): Promise<{ location: string; state: string }> {
  if (!rp) throw notFound(OIDC_NOT_CONFIGURED);
  let request: Awaited<ReturnType<OidcRelyingParty['authorizationRequest']>>;
  try {
    request = await rp.authorizationRequest();
  } catch (err) {
    log.warn({ event: 'oidc_discovery_failed', error: String(err) }, 'OIDC-provider niet bereikbaar');
    throw new AppError(
      'unavailable',
      'De inlogdienst van de gemeente is nu niet bereikbaar. Probeer het later opnieuw of log in met je wachtwoord.',
    );
  }
  await saveOidcLogin(system.db, request.checks);
  return { location: request.url, state: request.checks.state };
}
