-- Signals and early warning: one inbox for professionals', residents' and creditors' signals,
-- routing rules, matching to known persons, households and cases, bundling per address, outreach
-- visits, and public status updates for residents.

CREATE TABLE signal_categories (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{1,59}$'),
  label text NOT NULL,
  public_report boolean NOT NULL DEFAULT false,
  deadline_days int NOT NULL DEFAULT 10 CHECK (deadline_days BETWEEN 0 AND 365),
  deadline_working boolean NOT NULL DEFAULT true,
  position int NOT NULL DEFAULT 100,
  PRIMARY KEY (tenant_id, key)
);

CREATE TABLE signals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  category text NOT NULL,
  description text NOT NULL,
  source text NOT NULL CHECK (source IN ('professional', 'resident', 'creditor', 'outreach')),
  status text NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'triage', 'visit_planned', 'contacted', 'referred', 'closed', 'dismissed')),
  occurred_at timestamptz,
  street text,
  house_number text,
  postal_code text,
  city text,
  lat double precision,
  lng double precision,
  area_id uuid,
  -- Normalised address key (postal code + house number) for bundling and matching.
  address_key text,
  reporter_user_id uuid,
  reporter_partner_id uuid,
  routed_partner_id uuid,
  routing_reason text,
  first_contact_due date,
  overdue_alerted_for date,
  case_id uuid,
  bundle_id uuid,
  merged_into_id uuid,
  outcome text,
  -- Creditor early warning (source = creditor).
  creditor_type text CHECK (creditor_type IN ('energie', 'water', 'huur', 'zorgverzekering')),
  creditor_name text,
  creditor_reference text,
  signal_date date,
  last_name text,
  initials text,
  birth_date date,
  arrears_amount numeric(12, 2),
  arrears_since date,
  end_of_supply boolean NOT NULL DEFAULT false,
  -- Resident reports: the code the resident follows it with, and how to reach them (optional).
  tracking_code text UNIQUE,
  contact jsonb,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, category) REFERENCES signal_categories (tenant_id, key),
  FOREIGN KEY (tenant_id, area_id) REFERENCES areas (tenant_id, id),
  FOREIGN KEY (tenant_id, reporter_partner_id) REFERENCES partners (tenant_id, id),
  FOREIGN KEY (tenant_id, routed_partner_id) REFERENCES partners (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
);
CREATE INDEX signals_tenant_created ON signals (tenant_id, created_at DESC);
CREATE INDEX signals_status ON signals (tenant_id, status, created_at DESC);
CREATE INDEX signals_address ON signals (tenant_id, address_key, created_at) WHERE address_key IS NOT NULL;
CREATE INDEX signals_routed ON signals (tenant_id, routed_partner_id);
CREATE INDEX signals_reporter ON signals (tenant_id, reporter_partner_id);
CREATE INDEX signals_due ON signals (first_contact_due) WHERE status IN ('new', 'triage', 'visit_planned');
-- A creditor's reference is one signal: importing it again is a duplicate, not a second signal.
CREATE UNIQUE INDEX signals_creditor_ref ON signals (tenant_id, creditor_name, creditor_reference)
  WHERE creditor_reference IS NOT NULL;

CREATE TABLE signal_persons (
  tenant_id uuid NOT NULL,
  signal_id uuid NOT NULL,
  person_id uuid NOT NULL,
  PRIMARY KEY (signal_id, person_id),
  FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id)
);
CREATE INDEX signal_persons_person ON signal_persons (tenant_id, person_id);

-- What matching found: persons, households and open cases, and how (bsn, name_birth_date, address).
-- Only regisseurs see matches: the source of a signal learns nothing about a case.
CREATE TABLE signal_matches (
  tenant_id uuid NOT NULL,
  signal_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('person', 'household', 'case')),
  target_id uuid NOT NULL,
  method text NOT NULL,
  PRIMARY KEY (signal_id, kind, target_id),
  FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id)
);
CREATE INDEX signal_matches_target ON signal_matches (tenant_id, kind, target_id);

-- History: every status change, routing, merge and note; `public_text` is what the resident sees.
CREATE TABLE signal_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL,
  signal_id uuid NOT NULL,
  user_id uuid,
  change jsonb NOT NULL,
  public_text text,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id)
);
CREATE INDEX signal_history_signal ON signal_history (tenant_id, signal_id, at);

-- Routing rules: category × area (a wijk or buurt, or anywhere) → partner.
CREATE TABLE signal_routes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  category text NOT NULL,
  area_id uuid,
  partner_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, category) REFERENCES signal_categories (tenant_id, key),
  FOREIGN KEY (tenant_id, area_id) REFERENCES areas (tenant_id, id),
  FOREIGN KEY (tenant_id, partner_id) REFERENCES partners (tenant_id, id)
);
CREATE UNIQUE INDEX signal_routes_rule ON signal_routes (tenant_id, category, coalesce(area_id, '00000000-0000-0000-0000-000000000000'));

-- Outreach: planned visits and every attempt's outcome (history, never overwritten).
CREATE TABLE visits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  signal_id uuid NOT NULL,
  planned_date date NOT NULL,
  visitor_user_id uuid,
  partner_id uuid NOT NULL,
  outcome text CHECK (outcome IN ('not_home', 'contact', 'help_accepted', 'referred', 'declined')),
  referred_partner_id uuid,
  next_step text,
  next_date date,
  notes text,
  recorded_at timestamptz,
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id),
  FOREIGN KEY (tenant_id, visitor_user_id) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, partner_id) REFERENCES partners (tenant_id, id),
  FOREIGN KEY (tenant_id, referred_partner_id) REFERENCES partners (tenant_id, id)
);
CREATE INDEX visits_planned ON visits (tenant_id, planned_date, partner_id);
CREATE INDEX visits_signal ON visits (tenant_id, signal_id, created_at);
CREATE TRIGGER visits_outcome_once BEFORE DELETE ON visits
  FOR EACH ROW EXECUTE FUNCTION wijkregie_append_only();

-- Alerts may concern a signal (first contact overdue) instead of a case.
ALTER TABLE alerts ALTER COLUMN case_id DROP NOT NULL;
ALTER TABLE alerts ADD COLUMN signal_id uuid;
ALTER TABLE alerts DROP CONSTRAINT alerts_kind_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_kind_check CHECK (kind IN ('entry_added', 'status_changed',
  'action_created', 'action_done', 'action_overdue', 'signal_matched', 'partner_added', 'signal_overdue'));
ALTER TABLE alerts ADD CONSTRAINT alerts_subject_check CHECK (case_id IS NOT NULL OR signal_id IS NOT NULL);

-- Import runs: progress of a large creditor file for the web app.
CREATE TABLE signal_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  user_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  lines int NOT NULL DEFAULT 0,
  imported int NOT NULL DEFAULT 0,
  duplicates int NOT NULL DEFAULT 0,
  rejected int NOT NULL DEFAULT 0,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

-- Default signal categories for every existing municipality.
INSERT INTO signal_categories (tenant_id, key, label, public_report, deadline_days, deadline_working, position)
SELECT t.id, d.key, d.label, d.pub, d.days, d.working, d.position
  FROM tenants t
 CROSS JOIN (VALUES
   ('overlast_jeugd', 'Overlast jeugd', true, 10, true, 1),
   ('woonoverlast', 'Woonoverlast', true, 10, true, 2),
   ('verward_gedrag', 'Verward gedrag', true, 1, true, 3),
   ('verwaarlozing', 'Verwaarlozing', true, 10, true, 4),
   ('zorgen_persoon', 'Zorgen over een persoon', true, 5, true, 5),
   ('achterstand_energie', 'Betalingsachterstand energie', false, 28, false, 6),
   ('achterstand_water', 'Betalingsachterstand water', false, 28, false, 7),
   ('achterstand_huur', 'Betalingsachterstand huur', false, 28, false, 8),
   ('achterstand_zorgverzekering', 'Betalingsachterstand zorgverzekering', false, 28, false, 9),
   ('ondermijning_hennep', 'Ondermijning: hennep', true, 10, true, 10),
   ('ondermijning_leegstand', 'Ondermijning: leegstand', true, 10, true, 11),
   ('ondermijning_witwassen', 'Ondermijning: witwassen', true, 10, true, 12),
   ('overig', 'Overig', true, 10, true, 13)) AS d (key, label, pub, days, working, position);

-- Matching looks up persons and households by address.
CREATE INDEX households_address ON households (tenant_id, postal_code, house_number);
CREATE INDEX persons_address ON persons (tenant_id, postal_code, house_number);
