-- Issue 14: the sociale kaart, the who's who of the professionals per wijk and buurt. A person belongs to
-- a partner (the organisation that keeps the entry current) and works in one or more areas. Taking someone
-- off the map keeps the row (`active = false`), so the audit log's references stay meaningful.
CREATE TABLE social_map_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  partner_id uuid NOT NULL,
  name text NOT NULL,
  role text NOT NULL,
  phone text,
  email text,
  availability text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, partner_id) REFERENCES partners (tenant_id, id)
);
CREATE INDEX social_map_entries_partner ON social_map_entries (tenant_id, partner_id);

CREATE TABLE social_map_entry_areas (
  tenant_id uuid NOT NULL,
  entry_id uuid NOT NULL,
  area_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, entry_id, area_id),
  FOREIGN KEY (tenant_id, entry_id) REFERENCES social_map_entries (tenant_id, id),
  FOREIGN KEY (tenant_id, area_id) REFERENCES areas (tenant_id, id)
);
CREATE INDEX social_map_entry_areas_area ON social_map_entry_areas (tenant_id, area_id);
