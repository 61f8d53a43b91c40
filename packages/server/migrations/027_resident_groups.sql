-- Issue 14: resident groups and what and how to report.
-- A resident group (buurtpreventie, bewonerscommissie, wijkraad, a WhatsApp group, …) works in one or
-- more areas, has a coordinator among the municipality's users and members whose contact data only the
-- regisseur and the coordinator read. A group's report is a signal with source 'resident' that names the
-- group (resident_group_id) and how urgent it is; it gets a tracking code like a resident's report.
CREATE TABLE resident_groups (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('buurtpreventie', 'bewonerscommissie', 'wijkraad', 'whatsapp', 'overig')),
  contact_email text NOT NULL,
  coordinator_user_id uuid NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, coordinator_user_id) REFERENCES users (tenant_id, id)
);

CREATE TABLE resident_group_areas (
  tenant_id uuid NOT NULL,
  group_id uuid NOT NULL,
  area_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, group_id, area_id),
  FOREIGN KEY (tenant_id, group_id) REFERENCES resident_groups (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, area_id) REFERENCES areas (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX resident_group_areas_area ON resident_group_areas (tenant_id, area_id);

CREATE TABLE resident_group_members (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  group_id uuid NOT NULL,
  name text NOT NULL,
  email text NOT NULL,
  phone text,
  role text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, group_id) REFERENCES resident_groups (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX resident_group_members_group ON resident_group_members (tenant_id, group_id, created_at);

ALTER TABLE signals ADD COLUMN resident_group_id uuid;
ALTER TABLE signals ADD COLUMN urgency text CHECK (urgency IN ('laag', 'normaal', 'hoog', 'spoed'));
ALTER TABLE signals ADD FOREIGN KEY (tenant_id, resident_group_id) REFERENCES resident_groups (tenant_id, id);
CREATE INDEX signals_resident_group ON signals (tenant_id, resident_group_id, created_at DESC)
  WHERE resident_group_id IS NOT NULL;

-- The municipality's own "what and how to report" text; without a row the default text is shown.
CREATE TABLE how_to_report (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
  content jsonb NOT NULL,
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
