-- Issue 13: the neighbourhood picture. Incidents are place-based events (overlast, inbraak, drugs…)
-- from partners' registrations or entered by hand: a place, never a person.

-- The kinds of incident of a municipality (configurable; the defaults are seeded per municipality by
-- the application, and here for the municipalities that exist already).
CREATE TABLE incident_categories (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{1,59}$'),
  label text NOT NULL,
  position int NOT NULL DEFAULT 100,
  PRIMARY KEY (tenant_id, key)
);
INSERT INTO incident_categories (tenant_id, key, label, position)
SELECT t.id, d.key, d.label, d.position
  FROM tenants t
 CROSS JOIN (VALUES
   ('overlast_jeugd', 'Overlast jeugd', 1),
   ('woonoverlast', 'Woonoverlast', 2),
   ('inbraak', 'Inbraak', 3),
   ('geweld', 'Geweld', 4),
   ('drugs', 'Drugs', 5),
   ('vernieling', 'Vernieling', 6),
   ('hennep', 'Hennepkwekerij', 7),
   ('leegstand', 'Leegstand', 8),
   ('witwassen', 'Witwas-signalen', 9),
   ('verloedering', 'Verloedering', 10)
 ) AS d (key, label, position);

-- The buurt (area_id) comes from the point: the buurt whose outline holds it, or none.
CREATE TABLE incidents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  category text NOT NULL,
  occurred_at timestamptz NOT NULL,
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lng double precision CHECK (lng BETWEEN -180 AND 180),
  address text,
  area_id uuid,
  description text,
  source text NOT NULL,
  external_id text,
  import_id uuid,
  created_by_user_id uuid,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, category) REFERENCES incident_categories (tenant_id, key),
  FOREIGN KEY (tenant_id, area_id) REFERENCES areas (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by_user_id) REFERENCES users (tenant_id, id),
  CHECK ((lat IS NULL) = (lng IS NULL))
);
-- The same registration twice (source + its own number) is one incident.
CREATE UNIQUE INDEX incidents_external ON incidents (tenant_id, source, external_id) WHERE external_id IS NOT NULL;
-- The picture counts per buurt and month, and per month for the whole municipality.
CREATE INDEX incidents_area_time ON incidents (tenant_id, area_id, occurred_at);
CREATE INDEX incidents_time ON incidents (tenant_id, occurred_at);

-- Areas the administrator draws or loads: when they last changed, so that a server that keeps the
-- outlines in memory (to find the buurt of a point) knows when to read them again.
ALTER TABLE areas ADD COLUMN updated_at timestamptz NOT NULL DEFAULT clock_timestamp();
