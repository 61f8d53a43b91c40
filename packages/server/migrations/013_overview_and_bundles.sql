-- Issue 11: alerts that tell enough (bundles) and the start page.

-- Several entries on one case within a few minutes become one alert: the open alert of the
-- recipient counts them (`count`) and `updated_at` says when the last one came in.
ALTER TABLE alerts ADD COLUMN count int NOT NULL DEFAULT 1 CHECK (count >= 1);
ALTER TABLE alerts ADD COLUMN updated_at timestamptz;
UPDATE alerts SET updated_at = created_at;
ALTER TABLE alerts ALTER COLUMN updated_at SET NOT NULL;
ALTER TABLE alerts ALTER COLUMN updated_at SET DEFAULT clock_timestamp();
-- The open bundle of a recipient in a case, looked up at every entry.
CREATE INDEX alerts_open_bundle ON alerts (tenant_id, case_id, user_id, created_at)
  WHERE read_at IS NULL AND kind = 'entry_added';

-- How long (seconds) entries on one case are gathered into one alert and one email, per
-- municipality. The email of such an alert waits until the window has closed, so that it can say
-- "3 nieuwe notities"; 0 turns bundling off (every entry its own alert and email, at once).
ALTER TABLE tenants ADD COLUMN alert_bundle_seconds int NOT NULL DEFAULT 300
  CHECK (alert_bundle_seconds BETWEEN 0 AND 3600);

-- The start page counts open actions per assignee and owner with a due date, and open signals per
-- routed partner with their first-contact deadline.
CREATE INDEX actions_open_tenant_due ON actions (tenant_id, due_date) WHERE status = 'open';
CREATE INDEX signals_open_routed ON signals (tenant_id, routed_partner_id, first_contact_due)
  WHERE status IN ('new', 'triage', 'visit_planned');
-- Cases changed since the caller's last look: the start page starts from the recent entries.
CREATE INDEX entries_recent ON entries (tenant_id, created_at);
