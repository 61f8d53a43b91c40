-- Throttles (login per account and per address, resident reports and tracking per address), decided
-- in the database so that they hold for parallel requests, across app instances and across a restart.
-- One row per key: the attempts inside the sliding window. An attempt is taken with one
-- INSERT … ON CONFLICT DO UPDATE … WHERE (fewer than the limit) on the locked row, so no two
-- requests can both see room for the last slot. `key` is the rule's name and a SHA-256 of the
-- value (an email address or a client address), so the table holds neither in readable form.
CREATE TABLE throttles (
  key text PRIMARY KEY,
  hits timestamptz[] NOT NULL,
  -- When the newest attempt leaves the window; after that the row may be deleted.
  expires_at timestamptz NOT NULL
);
CREATE INDEX throttles_expires_at ON throttles (expires_at);

-- Replaced by `throttles`: counting failures and inserting one later let parallel attempts through.
DROP TABLE login_failures;
