import type { OidcLoginError } from '@wijkregie/shared';
import type { SystemDb } from '../../db/scope.js';
import { notFound } from '../../http/errors.js';
import { appendAudit } from '../audit/repository.js';
import type { OidcIdentity, OidcRelyingParty } from './oidc-client.js';
import { takeOidcLogin } from './oidc-repository.js';
import { createSession, findLoginCandidate } from './repository.js';
import { OIDC_NOT_CONFIGURED, type OidcLog } from './start-oidc-login.js';

/** Where the browser goes next, and the session cookie's token when the login succeeded. */
export interface OidcOutcome {
  location: string;
  token?: string;
}

const PURPOSE = 'Inloggen via de gemeente (OpenID Connect)';
const refused = (code: OidcLoginError): OidcOutcome => ({ location: `/login?fout=${code}` });

/**
 * `GET /session/oidc/callback`: finishes a login that `startOidcLogin` began. The state of the
 * browser's cookie finds the stored verifier and nonce (once: the row is taken); the library exchanges
 * the code and checks state, PKCE, the ID token's signature and nonce. The email counts only when the
 * provider says it is verified (`email_verified: true`), and it must be an existing, active user's:
 * emails are unique over all municipalities (users.email), so the email alone names the tenant. No
 * account is ever created. A success is a normal session, as a password login makes, recorded as
 * `login` in the user's audit chain; TOTP is not asked, the provider did the strong authentication.
 * A refusal makes no session and redirects to the login page with a code the page explains; a refusal
 * for a known account is recorded as `denied` in its chain, one for an email nobody has (no chain to
 * write to) is logged.
 */
export async function finishOidcLogin(
  system: SystemDb,
  rp: OidcRelyingParty | undefined,
  input: { query: string; cookieState: string | undefined },
  log: OidcLog,
): Promise<OidcOutcome> {
  if (!rp) throw notFound(OIDC_NOT_CONFIGURED);
  const checks = input.cookieState ? await takeOidcLogin(system.db, input.cookieState) : undefined;
  if (!checks) {
    log.warn({ event: 'oidc_login_refused', reason: 'no_state' }, 'OIDC-login zonder geldige state');
    return refused('mislukt');
  }
  let identity: OidcIdentity;
  try {
    identity = await rp.identify(input.query, checks);
  } catch (err) {
    log.warn({ event: 'oidc_login_refused', reason: 'exchange', error: String(err) }, 'OIDC-login geweigerd');
    return refused('mislukt');
  }
  const candidate = identity.email ? await findLoginCandidate(system.db, identity.email) : undefined;
  if (!candidate) {
    log.warn(
      { event: 'oidc_login_refused', reason: 'unknown_email' },
      'OIDC-login geweigerd: onbekend e-mailadres',
    );
    return refused(identity.email && !identity.emailVerified ? 'onbevestigd' : 'onbekend');
  }
  const reason = !identity.emailVerified ? 'onbevestigd' : !candidate.active ? 'inactief' : undefined;
  const who = { tenantId: candidate.tenantId, partnerId: candidate.partnerId, purpose: PURPOSE };
  if (reason) {
    await system.db.transaction((tx) =>
      appendAudit(tx, [
        {
          ...who,
          userId: null,
          action: 'denied',
          objectType: 'user',
          objectId: candidate.id,
          details: { method: 'oidc', reason: reason === 'onbevestigd' ? 'email_not_verified' : 'inactive' },
        },
      ]),
    );
    log.warn({ event: 'oidc_login_refused', reason }, 'OIDC-login geweigerd');
    return refused(reason);
  }
  const { passwordHash: _, active: __, ...user } = candidate;
  const token = await system.db.transaction(async (tx) => {
    const created = await createSession(tx, user);
    await appendAudit(tx, [
      {
        ...who,
        userId: user.id,
        action: 'login',
        objectType: 'user',
        objectId: user.id,
        details: { method: 'oidc' },
      },
    ]);
    return created;
  });
  return { location: '/', token };
}
