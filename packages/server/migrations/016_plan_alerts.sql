-- Issue 12: changes to the plan of approach raise SITRAP alerts of their own kinds.
ALTER TABLE alerts DROP CONSTRAINT alerts_kind_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_kind_check CHECK (kind IN ('entry_added', 'status_changed',
  'action_created', 'action_done', 'action_overdue', 'signal_matched', 'partner_added', 'signal_overdue',
  'plan_changed', 'assessment_added', 'evaluation_added'));

-- An alert about a change bound to life domains (a goal, an assessment) keeps the matrix categories
-- of those domains: it is shown, streamed and put in a digest only while the recipient's partner may
-- read one of them (null: an alert about the case as a whole).
ALTER TABLE alerts ADD COLUMN categories text[];
