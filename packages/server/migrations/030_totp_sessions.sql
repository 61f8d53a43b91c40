-- Issue 15, points 5 and 7: tweestapsverificatie (TOTP) and the user's own sessions.

-- A user's TOTP secret, AES-256-GCM encrypted with a key derived from the audit key (never in the
-- database in the clear, never answered after enrolment). `confirmed_at` NULL: enrolment pending.
-- `last_time_step`: the 30 s step of the last accepted code, so a code is never accepted twice.
CREATE TABLE user_totp (
  tenant_id uuid NOT NULL,
  user_id uuid NOT NULL,
  secret_encrypted text NOT NULL,
  confirmed_at timestamptz,
  last_time_step bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);

-- One-time recovery codes, as SHA-256 of user id and code; used once (`used_at`).
CREATE TABLE totp_recovery_codes (
  tenant_id uuid NOT NULL,
  user_id uuid NOT NULL,
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (tenant_id, user_id, code_hash),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);

-- The municipality's security settings: the roles whose users must log in with TOTP (none by default).
CREATE TABLE security_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
  mfa_required_roles text[] NOT NULL DEFAULT '{}'
    CHECK (mfa_required_roles <@ ARRAY['admin', 'regisseur', 'professional', 'auditor']::text[]),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The browser a session was made from (shown on the user's list of own sessions), and whether the
-- session may only set up TOTP (a role that requires it, not yet enrolled).
ALTER TABLE sessions ADD COLUMN user_agent text;
ALTER TABLE sessions ADD COLUMN enrol_only boolean NOT NULL DEFAULT false;
