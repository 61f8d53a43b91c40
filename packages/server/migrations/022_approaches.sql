-- Issue 13: the area approach (wijkaanpak) with its joint goal, the partners and what each commits to,
-- indicators with a baseline, a target and a direction, their measurements; and field notes.
CREATE TABLE approaches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  area_id uuid NOT NULL,
  title text NOT NULL,
  joint_goal text NOT NULL,
  start_date date NOT NULL,
  end_date date CHECK (end_date IS NULL OR end_date >= start_date),
  coordinator_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, area_id) REFERENCES areas (tenant_id, id),
  FOREIGN KEY (tenant_id, coordinator_user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX approaches_area ON approaches (tenant_id, area_id);

-- The partners of an approach and what each commits to (text may be empty: a partner without a
-- commitment written down yet).
CREATE TABLE approach_partners (
  tenant_id uuid NOT NULL,
  approach_id uuid NOT NULL,
  partner_id uuid NOT NULL,
  commitment text,
  PRIMARY KEY (tenant_id, approach_id, partner_id),
  FOREIGN KEY (tenant_id, approach_id) REFERENCES approaches (tenant_id, id),
  FOREIGN KEY (tenant_id, partner_id) REFERENCES partners (tenant_id, id)
);

CREATE TABLE indicators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  approach_id uuid NOT NULL,
  name text NOT NULL,
  unit text NOT NULL,
  baseline double precision NOT NULL,
  target double precision NOT NULL,
  direction text NOT NULL CHECK (direction IN ('up', 'down')),
  source text NOT NULL CHECK (source IN ('manual', 'incidents', 'survey')),
  incident_category text,
  survey_indicator text,
  position int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, approach_id) REFERENCES approaches (tenant_id, id),
  FOREIGN KEY (tenant_id, incident_category) REFERENCES incident_categories (tenant_id, key),
  CHECK (source <> 'incidents' OR incident_category IS NOT NULL)
);

CREATE TABLE indicator_measurements (
  tenant_id uuid NOT NULL,
  indicator_id uuid NOT NULL,
  measured_on date NOT NULL,
  value double precision NOT NULL,
  user_id uuid,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, indicator_id, measured_on),
  FOREIGN KEY (tenant_id, indicator_id) REFERENCES indicators (tenant_id, id)
);

-- Field notes of the problem analysis: a street talk, a walk, a home visit, a meeting in the
-- neighbourhood. Without names: the note is about the area.
CREATE TABLE observations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  area_id uuid NOT NULL,
  observed_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('street_talk', 'home_visit', 'walk', 'meeting')),
  topics text[] NOT NULL DEFAULT '{}',
  text text NOT NULL,
  follow_up text,
  author_user_id uuid NOT NULL,
  author_partner_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, area_id) REFERENCES areas (tenant_id, id),
  FOREIGN KEY (tenant_id, author_user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX observations_area ON observations (tenant_id, area_id, observed_on DESC);
