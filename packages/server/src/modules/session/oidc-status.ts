import type { OidcStatus } from '@wijkregie/shared';
import type { OidcRelyingParty } from './oidc-client.js';

/** `GET /session/oidc/config`: whether the login page offers "Inloggen via de gemeente". */
export function oidcStatus(rp: OidcRelyingParty | undefined): OidcStatus {
  return { enabled: rp !== undefined };
}
