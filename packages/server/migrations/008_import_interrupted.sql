-- An import run belongs to the app instance that reads it (its id is the instance's PostgreSQL
-- application_name) and keeps a heartbeat. A run whose instance is gone, or whose heartbeat stopped,
-- becomes 'interrupted' with the counts of the batches it committed.
ALTER TABLE signal_imports DROP CONSTRAINT signal_imports_status_check;
ALTER TABLE signal_imports
  ADD CONSTRAINT signal_imports_status_check CHECK (status IN ('running', 'done', 'failed', 'interrupted'));
ALTER TABLE signal_imports ADD COLUMN instance_id text NOT NULL DEFAULT '';
ALTER TABLE signal_imports ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX signal_imports_running ON signal_imports (heartbeat_at) WHERE status = 'running';
