-- Issue 12: the start page's "changed since my last look" counts changes to the plan of approach too.
-- A goal remembers who changed it last, so that one's own change is not news to oneself; the plan's
-- changes are found by time, as entries and status changes are.
ALTER TABLE goals ADD COLUMN updated_by_user_id uuid;
UPDATE goals SET updated_by_user_id = created_by_user_id;
ALTER TABLE goals ADD CONSTRAINT goals_updated_by
  FOREIGN KEY (tenant_id, updated_by_user_id) REFERENCES users (tenant_id, id);
CREATE INDEX goals_updated ON goals (tenant_id, updated_at);
CREATE INDEX assessments_created ON assessments (tenant_id, created_at);
CREATE INDEX evaluations_created ON evaluations (tenant_id, created_at);
