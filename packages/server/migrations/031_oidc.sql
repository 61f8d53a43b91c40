-- Logins through the municipality's OpenID Connect provider under way (modules/session/oidc-*.ts).
-- One row per redirect to the provider: the PKCE code verifier and the nonce the callback must check,
-- found by the SHA-256 of the `state` (which the browser carries in an HttpOnly cookie as well).
-- A row is taken (deleted) by its callback, so a state is used once; rows older than ten minutes
-- count as expired and are deleted now and then. No tenant yet: who logs in is known only at the end.
CREATE TABLE oidc_logins (
  state_hash text PRIMARY KEY,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oidc_logins_created_at ON oidc_logins (created_at);
