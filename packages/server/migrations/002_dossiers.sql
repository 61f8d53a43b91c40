-- Dossiers: information categories and the authorisation matrix, subjects and their relations,
-- cases with partners, subjects and a journal of entries, and the hash-chained audit log.

CREATE FUNCTION wijkregie_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Information categories (tenant-configurable) and the matrix partner × category → read | write.
-- A cell without a row is `none`.
CREATE TABLE categories (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{1,39}$'),
  label text NOT NULL,
  position int NOT NULL DEFAULT 100,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, key)
);

CREATE TABLE access_matrix (
  tenant_id uuid NOT NULL,
  partner_id uuid NOT NULL,
  category text NOT NULL,
  access text NOT NULL CHECK (access IN ('read', 'write')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  PRIMARY KEY (tenant_id, partner_id, category),
  FOREIGN KEY (tenant_id, partner_id) REFERENCES partners (tenant_id, id),
  FOREIGN KEY (tenant_id, category) REFERENCES categories (tenant_id, key)
);

INSERT INTO categories (tenant_id, key, label, position)
SELECT t.id, d.key, d.label, d.position
  FROM tenants t
 CROSS JOIN (VALUES ('basis', 'Basisgegevens', 1), ('zorg', 'Zorg', 2), ('politie', 'Politie', 3),
   ('justitie', 'Justitie', 4), ('financien', 'Financiën', 5), ('wonen', 'Wonen', 6), ('jeugd', 'Jeugd', 7),
   ('veiligheid', 'Veiligheid', 8), ('ondermijning', 'Ondermijning', 9)) AS d (key, label, position);

-- Subjects. Who registered a subject is kept: a partner sees the subjects it registered.
CREATE TABLE persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  first_name text NOT NULL,
  last_name text NOT NULL,
  birth_date date,
  bsn text CHECK (bsn ~ '^\d{9}$'),
  street text,
  house_number text,
  postal_code text CHECK (postal_code ~ '^[1-9]\d{3}[A-Z]{2}$'),
  city text,
  search_name text GENERATED ALWAYS AS (lower(first_name || ' ' || last_name)) STORED,
  created_by_user_id uuid NOT NULL,
  created_by_partner_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id)
);
CREATE INDEX persons_search_name_trgm ON persons USING gin (search_name gin_trgm_ops);
CREATE INDEX persons_birth_date ON persons (tenant_id, birth_date);
CREATE INDEX persons_postal_code ON persons (tenant_id, postal_code);
CREATE INDEX persons_partner ON persons (tenant_id, created_by_partner_id);
CREATE UNIQUE INDEX persons_bsn ON persons (tenant_id, bsn) WHERE bsn IS NOT NULL;

CREATE TABLE households (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  name text NOT NULL,
  contact_person_id uuid NOT NULL,
  street text,
  house_number text,
  postal_code text,
  city text,
  created_by_user_id uuid NOT NULL,
  created_by_partner_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, contact_person_id) REFERENCES persons (tenant_id, id)
);

CREATE TABLE groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  name text NOT NULL,
  classification text NOT NULL CHECK (classification IN ('hinderlijk', 'overlastgevend', 'crimineel')),
  created_by_user_id uuid NOT NULL,
  created_by_partner_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id)
);

CREATE TABLE locations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  name text NOT NULL,
  street text,
  house_number text,
  postal_code text,
  city text,
  lat double precision,
  lng double precision,
  area_id uuid,
  created_by_user_id uuid NOT NULL,
  created_by_partner_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, area_id) REFERENCES areas (tenant_id, id)
);

-- Links between subjects, typed; never copies of data.
CREATE TABLE subject_relations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  from_kind text NOT NULL CHECK (from_kind IN ('person', 'household', 'group', 'location')),
  from_id uuid NOT NULL,
  relation text NOT NULL CHECK (relation IN ('member_of', 'parent_of', 'lives_at', 'meets_at')),
  to_kind text NOT NULL CHECK (to_kind IN ('person', 'household', 'group', 'location')),
  to_id uuid NOT NULL,
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, from_kind, from_id, relation, to_kind, to_id)
);
CREATE INDEX subject_relations_to ON subject_relations (tenant_id, to_kind, to_id);

-- Cases.
CREATE TABLE case_counters (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  year int NOT NULL,
  last int NOT NULL,
  PRIMARY KEY (tenant_id, year)
);

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  reference text NOT NULL,
  type text NOT NULL CHECK (type IN ('person', 'household', 'group', 'area', 'undermining')),
  title text NOT NULL,
  status text NOT NULL CHECK (status IN ('registered', 'triage', 'analysis', 'plan', 'execution', 'evaluation', 'closed')),
  result text CHECK (result IN ('goal_reached', 'partly_reached', 'not_reached', 'transferred')),
  director_user_id uuid,
  area_id uuid,
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, reference),
  CHECK ((status = 'closed') = (result IS NOT NULL)),
  FOREIGN KEY (tenant_id, director_user_id) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, area_id) REFERENCES areas (tenant_id, id)
);
CREATE INDEX cases_tenant_updated ON cases (tenant_id, updated_at DESC);
CREATE INDEX cases_director ON cases (tenant_id, director_user_id);

CREATE TABLE case_partners (
  tenant_id uuid NOT NULL,
  case_id uuid NOT NULL,
  partner_id uuid NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, partner_id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  FOREIGN KEY (tenant_id, partner_id) REFERENCES partners (tenant_id, id)
);
CREATE INDEX case_partners_partner ON case_partners (tenant_id, partner_id, case_id);

CREATE TABLE case_subjects (
  tenant_id uuid NOT NULL,
  case_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('person', 'household', 'group', 'location')),
  subject_id uuid NOT NULL,
  position int NOT NULL,
  PRIMARY KEY (case_id, kind, subject_id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
);
CREATE INDEX case_subjects_subject ON case_subjects (tenant_id, kind, subject_id);

CREATE TABLE case_status_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL,
  case_id uuid NOT NULL,
  from_status text,
  to_status text NOT NULL,
  result text,
  user_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
);
CREATE INDEX case_status_history_case ON case_status_history (tenant_id, case_id, at);

-- The journal. Entries are never edited or deleted; a correction is a new entry that points back.
CREATE TABLE entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  case_id uuid NOT NULL,
  category text NOT NULL,
  text text NOT NULL,
  author_user_id uuid NOT NULL,
  partner_id uuid NOT NULL,
  corrects_entry_id uuid REFERENCES entries (id),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  FOREIGN KEY (tenant_id, category) REFERENCES categories (tenant_id, key),
  FOREIGN KEY (tenant_id, author_user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX entries_case ON entries (tenant_id, case_id, category, created_at);
CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON entries
  FOR EACH ROW EXECUTE FUNCTION wijkregie_append_only();

-- The audit log: append-only and hash-chained per tenant. `hash` = sha256(prev_hash + canonical
-- record); audit_heads holds each chain's last link and serialises writers.
CREATE TABLE audit_log (
  id uuid NOT NULL UNIQUE,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  seq bigint NOT NULL,
  at timestamptz NOT NULL,
  user_id uuid,
  partner_id uuid,
  action text NOT NULL,
  object_type text NOT NULL,
  object_id uuid,
  object_ids uuid[],
  person_ids uuid[] NOT NULL DEFAULT '{}',
  purpose text NOT NULL,
  details jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX audit_log_object ON audit_log (tenant_id, object_id, seq);
CREATE INDEX audit_log_user ON audit_log (tenant_id, user_id, seq);
CREATE INDEX audit_log_object_ids ON audit_log USING gin (object_ids);
CREATE INDEX audit_log_person_ids ON audit_log USING gin (person_ids);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION wijkregie_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION wijkregie_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;

CREATE TABLE audit_heads (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
  seq bigint NOT NULL,
  hash text NOT NULL
);
