-- Issue 13: cases, signals and meetings tied to an area approach; a change to the approach alerts its
-- coordinator. One row per link, with exactly one of the three targets, each a foreign key within the
-- tenant. A link that is undone is deleted; the audit log keeps both.
CREATE TABLE approach_links (
  tenant_id uuid NOT NULL,
  approach_id uuid NOT NULL,
  case_id uuid,
  signal_id uuid,
  meeting_id uuid,
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK (num_nonnulls(case_id, signal_id, meeting_id) = 1),
  FOREIGN KEY (tenant_id, approach_id) REFERENCES approaches (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by_user_id) REFERENCES users (tenant_id, id)
);
-- Once per approach and target; these also find an approach's links of a kind.
CREATE UNIQUE INDEX approach_links_case ON approach_links (tenant_id, approach_id, case_id) WHERE case_id IS NOT NULL;
CREATE UNIQUE INDEX approach_links_signal ON approach_links (tenant_id, approach_id, signal_id)
  WHERE signal_id IS NOT NULL;
CREATE UNIQUE INDEX approach_links_meeting ON approach_links (tenant_id, approach_id, meeting_id)
  WHERE meeting_id IS NOT NULL;
-- The approaches of a case, signal or meeting.
CREATE INDEX approach_links_by_case ON approach_links (tenant_id, case_id) WHERE case_id IS NOT NULL;
CREATE INDEX approach_links_by_signal ON approach_links (tenant_id, signal_id) WHERE signal_id IS NOT NULL;
CREATE INDEX approach_links_by_meeting ON approach_links (tenant_id, meeting_id) WHERE meeting_id IS NOT NULL;

-- Alerts about an approach (to its coordinator): a change (an indicator, a link) or a new measurement.
ALTER TABLE alerts ADD COLUMN approach_id uuid;
ALTER TABLE alerts ADD CONSTRAINT alerts_approach_fk FOREIGN KEY (tenant_id, approach_id)
  REFERENCES approaches (tenant_id, id);
ALTER TABLE alerts DROP CONSTRAINT alerts_kind_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_kind_check CHECK (kind IN ('entry_added', 'status_changed',
  'action_created', 'action_done', 'action_overdue', 'signal_matched', 'partner_added', 'signal_overdue',
  'plan_changed', 'assessment_added', 'evaluation_added', 'approach_changed', 'indicator_measured'));
ALTER TABLE alerts DROP CONSTRAINT alerts_subject_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_subject_check
  CHECK (case_id IS NOT NULL OR signal_id IS NOT NULL OR approach_id IS NOT NULL);
