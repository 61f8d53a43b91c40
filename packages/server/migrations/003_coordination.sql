-- Coordination: meetings with an agenda of cases, actions with deadlines and their history,
-- followers of cases, SITRAP alerts per recipient and the email outbox.

-- Meetings. A recurring meeting is a series of meetings that share `series_id`.
CREATE TABLE meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  title text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('case', 'coordination', 'area')),
  starts_at timestamptz NOT NULL,
  place text,
  chair_user_id uuid NOT NULL,
  series_id uuid,
  created_by_user_id uuid NOT NULL,
  created_by_partner_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, chair_user_id) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by_user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX meetings_starts ON meetings (tenant_id, starts_at);
CREATE INDEX meetings_chair ON meetings (tenant_id, chair_user_id, starts_at);

CREATE TABLE meeting_partners (
  tenant_id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  partner_id uuid NOT NULL,
  PRIMARY KEY (meeting_id, partner_id),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id),
  FOREIGN KEY (tenant_id, partner_id) REFERENCES partners (tenant_id, id)
);
CREATE INDEX meeting_partners_partner ON meeting_partners (tenant_id, partner_id);

CREATE TABLE meeting_agenda (
  tenant_id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  case_id uuid NOT NULL,
  position int NOT NULL,
  PRIMARY KEY (meeting_id, case_id),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
);
CREATE INDEX meeting_agenda_case ON meeting_agenda (tenant_id, case_id);

-- Minutes and decisions are entries of the case, under the same matrix; they remember the meeting.
ALTER TABLE entries ADD COLUMN meeting_id uuid;
ALTER TABLE entries ADD COLUMN kind text NOT NULL DEFAULT 'note' CHECK (kind IN ('note', 'minutes', 'decision'));
CREATE INDEX entries_meeting ON entries (tenant_id, meeting_id) WHERE meeting_id IS NOT NULL;

-- Actions: who (partner, optionally a user) does what by when. `overdue_alerted_for` is the due
-- date for which the overdue alert went out, so each deadline alerts once.
CREATE TABLE actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL,
  title text NOT NULL,
  owner_partner_id uuid NOT NULL,
  assignee_user_id uuid,
  due_date date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  result text,
  meeting_id uuid,
  overdue_alerted_for date,
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_partner_id) REFERENCES partners (tenant_id, id),
  FOREIGN KEY (tenant_id, assignee_user_id) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id)
);
CREATE INDEX actions_case ON actions (tenant_id, case_id, due_date);
CREATE INDEX actions_owner ON actions (tenant_id, owner_partner_id, status, due_date);
CREATE INDEX actions_assignee ON actions (tenant_id, assignee_user_id, status, due_date);
CREATE INDEX actions_open_due ON actions (due_date) WHERE status = 'open';

CREATE TABLE action_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL,
  action_id uuid NOT NULL,
  user_id uuid,
  change jsonb NOT NULL,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  FOREIGN KEY (tenant_id, action_id) REFERENCES actions (tenant_id, id)
);
CREATE INDEX action_history_action ON action_history (tenant_id, action_id, at);

-- Users who follow a case get its alerts; `case_looks` remembers each user's last look at a case.
CREATE TABLE case_followers (
  tenant_id uuid NOT NULL,
  case_id uuid NOT NULL,
  user_id uuid NOT NULL,
  since timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, user_id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX case_followers_user ON case_followers (tenant_id, user_id);

CREATE TABLE case_looks (
  tenant_id uuid NOT NULL,
  case_id uuid NOT NULL,
  user_id uuid NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (case_id, user_id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
);

-- How a user wants alert emails: immediate, a daily digest, or none.
ALTER TABLE users ADD COLUMN email_preference text NOT NULL DEFAULT 'immediate'
  CHECK (email_preference IN ('immediate', 'daily', 'off'));

-- SITRAP alerts, one row per recipient, written in the transaction of the change that causes them.
CREATE TABLE alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  user_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('entry_added', 'status_changed', 'action_created', 'action_done',
    'action_overdue', 'signal_matched', 'partner_added')),
  case_id uuid NOT NULL,
  action_id uuid,
  actor_user_id uuid,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  read_at timestamptz,
  digested_at timestamptz,
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
);
CREATE INDEX alerts_user ON alerts (tenant_id, user_id, created_at DESC);
CREATE INDEX alerts_unread ON alerts (tenant_id, user_id) WHERE read_at IS NULL;

-- The email outbox. One row per email; `idempotency_key` is unique and becomes the Message-ID, so
-- a retry after a crash between sending and marking is the same message, not a second one.
-- status: pending → sending → sent | skipped (recipient can no longer see the case, or email off)
-- | failed (gave up after the retries).
CREATE TABLE email_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  user_id uuid NOT NULL,
  idempotency_key text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('alert', 'digest')),
  case_id uuid,
  to_address text NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  body_html text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'skipped', 'failed')),
  attempts int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  sent_at timestamptz,
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX email_outbox_tenant ON email_outbox (tenant_id, created_at DESC);

-- Daily digests: one per user per day, whichever instance gets there first.
CREATE TABLE digest_runs (
  tenant_id uuid NOT NULL,
  user_id uuid NOT NULL,
  day date NOT NULL,
  PRIMARY KEY (user_id, day)
);
