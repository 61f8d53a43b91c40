-- Issue 15, point 2: retention and anonymisation. A closed case whose processing activity's retention
-- has passed, a signal that never became a case and was closed long enough ago, and a person with
-- nothing left inside retention are anonymised by the retention job (modules/retention). `anonymised_at`
-- marks what is done, so the job is idempotent and resumable.
ALTER TABLE cases ADD COLUMN anonymised_at timestamptz;
ALTER TABLE persons ADD COLUMN anonymised_at timestamptz;
ALTER TABLE signals ADD COLUMN anonymised_at timestamptz;
ALTER TABLE households ADD COLUMN anonymised_at timestamptz;

CREATE INDEX retention_cases_retention ON cases (tenant_id, closed_at) WHERE status = 'closed' AND anonymised_at IS NULL;
CREATE INDEX retention_signals_retention ON signals (tenant_id, updated_at)
  WHERE status IN ('closed', 'dismissed') AND anonymised_at IS NULL;
CREATE INDEX retention_signals_case ON signals (tenant_id, case_id) WHERE case_id IS NOT NULL;
CREATE INDEX retention_entries_case ON entries (tenant_id, case_id);
CREATE INDEX retention_goals_case ON goals (tenant_id, case_id);
CREATE INDEX retention_evaluations_case ON evaluations (tenant_id, case_id);
CREATE INDEX retention_actions_case ON actions (tenant_id, case_id);
CREATE INDEX retention_case_subjects_subject ON case_subjects (tenant_id, kind, subject_id);
CREATE INDEX retention_signal_persons_person ON signal_persons (tenant_id, person_id);
CREATE INDEX retention_attachments_entry ON attachments (tenant_id, entry_id) WHERE entry_id IS NOT NULL;
CREATE INDEX retention_attachments_signal ON attachments (tenant_id, signal_id) WHERE signal_id IS NOT NULL;
CREATE INDEX retention_visits_signal ON visits (tenant_id, signal_id);

-- The append-only tables stay append-only, with one exception: inside a transaction of the retention
-- job (the transaction-local setting `wijkregie.retention` = 'on') an UPDATE may empty the columns that
-- hold personal text, and nothing else. The audit log is never changed, and nothing is ever deleted.
CREATE OR REPLACE FUNCTION wijkregie_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  allowed text[];
BEGIN
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME <> 'audit_log'
     AND coalesce(current_setting('wijkregie.retention', true), '') = 'on' THEN
    allowed := CASE TG_TABLE_NAME
      WHEN 'entries' THEN ARRAY['text']
      WHEN 'attachments' THEN ARRAY['name', 'content', 'size', 'sha256']
      WHEN 'subject_changes' THEN ARRAY['changes']
      ELSE ARRAY[]::text[]
    END;
    IF cardinality(allowed) > 0 AND (to_jsonb(NEW) - allowed) = (to_jsonb(OLD) - allowed) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
