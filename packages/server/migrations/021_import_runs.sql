-- Issue 13: incidents are imported like creditor files — streamed, in batches, with progress and a
-- lease. The run table serves both; `kind` tells them apart.
ALTER TABLE signal_imports RENAME TO import_runs;
ALTER TABLE import_runs ADD COLUMN kind text NOT NULL DEFAULT 'creditor' CHECK (kind IN ('creditor', 'incidents'));
CREATE INDEX import_runs_user ON import_runs (tenant_id, user_id, kind, started_at DESC);
