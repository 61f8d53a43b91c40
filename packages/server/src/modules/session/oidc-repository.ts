import { z } from 'zod';
import type { Queryable } from '../../db/db.js';
import { col, execute, row } from '../../db/rows.js';
import type { OidcChecks } from './oidc-client.js';
import { hashToken } from './repository.js';

/** How long a login at the provider may take before its state expires. */
export const OIDC_LOGIN_TTL_MS = 10 * 60 * 1000;

/** Keeps what the callback of a new login must check, found by the SHA-256 of its state. */
export async function saveOidcLogin(q: Queryable, checks: OidcChecks): Promise<void> {
  await execute(q, 'INSERT INTO oidc_logins (state_hash, code_verifier, nonce) VALUES ($1, $2, $3)', [
    hashToken(checks.state),
    checks.codeVerifier,
    checks.nonce,
  ]);
  // Now and then: logins that were never finished.
  if (Math.random() < 0.05) {
    await execute(
      q,
      `DELETE FROM oidc_logins WHERE created_at < now() - make_interval(secs => $1::double precision / 1000)`,
      [OIDC_LOGIN_TTL_MS],
    );
  }
}

/** Takes (deletes) the login of `state` and answers its checks; undefined when unknown, used or expired. */
export async function takeOidcLogin(q: Queryable, state: string): Promise<OidcChecks | undefined> {
  const found = await row(
    q,
    z.object({ code_verifier: col.text, nonce: col.text, fresh: col.bool }),
    `DELETE FROM oidc_logins WHERE state_hash = $1
     RETURNING code_verifier, nonce,
               created_at > now() - make_interval(secs => $2::double precision / 1000) AS fresh`,
    [hashToken(state), OIDC_LOGIN_TTL_MS],
  );
  return found?.fresh ? { state, codeVerifier: found.code_verifier, nonce: found.nonce } : undefined;
}
