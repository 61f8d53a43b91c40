-- Subjects can be changed in the app, and what they were stays known.
--
-- A household may be registered before its members are known, a group before it is classified.
ALTER TABLE households ALTER COLUMN contact_person_id DROP NOT NULL;
ALTER TABLE groups ALTER COLUMN classification DROP NOT NULL;

-- Every change of a subject's own fields: each field's value before and after, who changed it, with
-- their name and organisation as they were at that moment (a user renamed later does not rewrite the
-- past). Append-only, like the journal.
CREATE TABLE subject_changes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  kind text NOT NULL CHECK (kind IN ('person', 'household', 'group', 'location')),
  subject_id uuid NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  user_id uuid NOT NULL,
  user_name text NOT NULL,
  partner_name text NOT NULL,
  -- [{ "field": "lastName", "from": "Jansen", "to": "de Vries" }, …]
  changes jsonb NOT NULL CHECK (jsonb_typeof(changes) = 'array'),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX subject_changes_subject ON subject_changes (tenant_id, kind, subject_id, changed_at);
CREATE TRIGGER subject_changes_append_only BEFORE UPDATE OR DELETE ON subject_changes
  FOR EACH ROW EXECUTE FUNCTION wijkregie_append_only();

-- A relation that ended moves here with the day it ended and who ended it. `subject_relations` keeps
-- only relations that hold now, so everything that reads it (visibility, matching, related cases)
-- goes on meaning "now" without knowing about endings; the subject's page shows both.
CREATE TABLE ended_subject_relations (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  from_kind text NOT NULL CHECK (from_kind IN ('person', 'household', 'group', 'location')),
  from_id uuid NOT NULL,
  relation text NOT NULL CHECK (relation IN ('member_of', 'parent_of', 'lives_at', 'meets_at')),
  to_kind text NOT NULL CHECK (to_kind IN ('person', 'household', 'group', 'location')),
  to_id uuid NOT NULL,
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  ended_on date NOT NULL,
  ended_at timestamptz NOT NULL DEFAULT now(),
  ended_by_user_id uuid NOT NULL,
  ended_by_name text NOT NULL,
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, ended_by_user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX ended_subject_relations_from ON ended_subject_relations (tenant_id, from_kind, from_id);
CREATE INDEX ended_subject_relations_to ON ended_subject_relations (tenant_id, to_kind, to_id);
CREATE TRIGGER ended_subject_relations_append_only BEFORE UPDATE OR DELETE ON ended_subject_relations
  FOR EACH ROW EXECUTE FUNCTION wijkregie_append_only();
