-- Issue 11: meetings are edited, moved, cancelled and keep who attended; users and partners are
-- deactivated instead of deleted, so everything they did keeps its author.

-- A cancelled meeting stays (its minutes and actions point at it, and the cancellation is part of
-- the history); it is shown as cancelled and can no longer be changed.
ALTER TABLE meetings ADD COLUMN status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'cancelled'));
ALTER TABLE meetings ADD COLUMN cancelled_at timestamptz;
ALTER TABLE meetings ADD COLUMN cancelled_by_user_id uuid;
ALTER TABLE meetings ADD CONSTRAINT meetings_cancelled_by
  FOREIGN KEY (tenant_id, cancelled_by_user_id) REFERENCES users (tenant_id, id);
ALTER TABLE meetings ADD CONSTRAINT meetings_cancelled_when
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL));

-- The attendance list (presentielijst): one row per person recorded present or absent.
CREATE TABLE meeting_attendance (
  tenant_id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  user_id uuid NOT NULL,
  present boolean NOT NULL,
  recorded_by_user_id uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (meeting_id, user_id),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, recorded_by_user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX meeting_attendance_tenant ON meeting_attendance (tenant_id, meeting_id);

-- users.active exists since 001. A deactivated partner's users can no longer log in (their own
-- flag stays as it was, so reactivating the partner brings back exactly the accounts it had).
ALTER TABLE partners ADD COLUMN active boolean NOT NULL DEFAULT true;
