-- Foundation: tenants (municipalities), areas, partners, users, sessions, login throttling.
-- Every table holding a tenant's data carries tenant_id; child rows reference their parent
-- together with tenant_id, so a row can never point into another tenant.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE areas (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  kind text NOT NULL CHECK (kind IN ('wijk', 'buurt')),
  code text NOT NULL,
  name text NOT NULL,
  parent_id uuid,
  geometry jsonb NOT NULL,
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, code),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES areas (tenant_id, id)
);

CREATE TABLE partners (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('gemeente', 'politie', 'handhaving', 'wijkteam', 'ggz', 'zorg',
    'jeugd', 'schuldhulp', 'woningcorporatie', 'jongerenwerk', 'reclassering', 'justitie', 'onderwijs',
    'bewoners', 'overig')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX partners_tenant_name ON partners (tenant_id, lower(name));

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  partner_id uuid NOT NULL,
  -- The login name; unique over all tenants because the login form asks no municipality.
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  name text NOT NULL,
  password_hash text NOT NULL,
  roles text[] NOT NULL CHECK (cardinality(roles) > 0
    AND roles <@ ARRAY['admin', 'regisseur', 'professional', 'auditor']::text[]),
  active boolean NOT NULL DEFAULT true,
  -- Seeded by the demo with the documented demo password; listed on the login page.
  demo_account boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, partner_id) REFERENCES partners (tenant_id, id)
);
CREATE INDEX users_tenant ON users (tenant_id, name);

-- Sessions live in the database so that several app instances share them. Only a hash of the
-- cookie's token is stored.
CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  tenant_id uuid NOT NULL,
  user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX sessions_user ON sessions (tenant_id, user_id);

-- Failed logins, per account (key 'email:…') and per client address (key 'ip:…'). Not tenant
-- data: a failure happens before anybody is known.
CREATE TABLE login_failures (
  key text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key_at ON login_failures (key, at);
