-- Issue 12: the integrated plan of approach — life domains, assessments, goals, evaluations, results.

-- The life domains of a municipality: the 13 ZRM domains and the safety domains by default (seeded
-- by bootstrap/tenant.ts for a new municipality, and below for the existing ones). Each belongs to a
-- matrix category: whoever may read (write) that category reads (writes) the domain's scores and goals.
CREATE TABLE life_domains (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{1,49}$'),
  label text NOT NULL,
  domain_group text NOT NULL CHECK (domain_group IN ('zrm', 'veiligheid')),
  category text NOT NULL,
  position int NOT NULL DEFAULT 100,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, key),
  FOREIGN KEY (tenant_id, category) REFERENCES categories (tenant_id, key)
);

-- The defaults for every municipality that exists already; a default category the municipality has
-- removed falls back to `basis` (which every municipality has).
INSERT INTO life_domains (tenant_id, key, label, domain_group, category, position)
SELECT t.id, d.key, d.label, d.grp,
       CASE WHEN EXISTS (SELECT 1 FROM categories c WHERE c.tenant_id = t.id AND c.key = d.category)
            THEN d.category ELSE 'basis' END,
       d.position
  FROM tenants t
 CROSS JOIN (VALUES
   ('financien', 'Financiën', 'zrm', 'financien', 1),
   ('werk_opleiding', 'Werk & opleiding', 'zrm', 'zorg', 2),
   ('tijdsbesteding', 'Tijdsbesteding', 'zrm', 'zorg', 3),
   ('huisvesting', 'Huisvesting', 'zrm', 'wonen', 4),
   ('huiselijke_relaties', 'Huiselijke relaties', 'zrm', 'zorg', 5),
   ('geestelijke_gezondheid', 'Geestelijke gezondheid', 'zrm', 'zorg', 6),
   ('lichamelijke_gezondheid', 'Lichamelijke gezondheid', 'zrm', 'zorg', 7),
   ('middelengebruik', 'Middelengebruik', 'zrm', 'zorg', 8),
   ('basale_adl', 'Basale ADL', 'zrm', 'zorg', 9),
   ('instrumentele_adl', 'Instrumentele ADL', 'zrm', 'zorg', 10),
   ('sociaal_netwerk', 'Sociaal netwerk', 'zrm', 'zorg', 11),
   ('maatschappelijke_participatie', 'Maatschappelijke participatie', 'zrm', 'zorg', 12),
   ('justitie', 'Justitie', 'zrm', 'justitie', 13),
   ('overlast', 'Overlast', 'veiligheid', 'veiligheid', 14),
   ('criminaliteit', 'Criminaliteit', 'veiligheid', 'politie', 15),
   ('huiselijk_geweld', 'Huiselijk geweld en kindveiligheid', 'veiligheid', 'veiligheid', 16),
   ('ondermijning', 'Ondermijning', 'veiligheid', 'ondermijning', 17)
 ) AS d (key, label, grp, category, position)
 WHERE EXISTS (SELECT 1 FROM categories c WHERE c.tenant_id = t.id AND c.key = 'basis');

-- An assessment: a person scored on some domains on a date, within one of their cases. Kept, never
-- overwritten: a new assessment is a new row, so the history is the trend.
CREATE TABLE assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  person_id uuid NOT NULL,
  case_id uuid NOT NULL,
  assessed_on date NOT NULL,
  author_user_id uuid,
  author_partner_id uuid,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  FOREIGN KEY (tenant_id, author_user_id) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, author_partner_id) REFERENCES partners (tenant_id, id)
);
CREATE INDEX assessments_person ON assessments (tenant_id, person_id, assessed_on, created_at);
CREATE INDEX assessments_case ON assessments (tenant_id, case_id);
CREATE TRIGGER assessments_append_only BEFORE UPDATE OR DELETE ON assessments
  FOR EACH ROW EXECUTE FUNCTION wijkregie_append_only();

CREATE TABLE assessment_scores (
  tenant_id uuid NOT NULL,
  assessment_id uuid NOT NULL,
  domain text NOT NULL,
  score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  note text,
  PRIMARY KEY (tenant_id, assessment_id, domain),
  FOREIGN KEY (tenant_id, assessment_id) REFERENCES assessments (tenant_id, id),
  FOREIGN KEY (tenant_id, domain) REFERENCES life_domains (tenant_id, key)
);
CREATE INDEX assessment_scores_domain ON assessment_scores (tenant_id, domain);
CREATE TRIGGER assessment_scores_append_only BEFORE UPDATE OR DELETE ON assessment_scores
  FOR EACH ROW EXECUTE FUNCTION wijkregie_append_only();

-- Goals of a case's plan: for one subject of the case, on one domain.
CREATE TABLE goals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL,
  domain text NOT NULL,
  subject_kind text NOT NULL CHECK (subject_kind IN ('person', 'household', 'group', 'location')),
  subject_id uuid NOT NULL,
  text text NOT NULL,
  target_score smallint CHECK (target_score BETWEEN 1 AND 5),
  due_date date,
  status text NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'achieved', 'partly_achieved', 'not_achieved', 'dropped')),
  created_by_user_id uuid,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  FOREIGN KEY (tenant_id, domain) REFERENCES life_domains (tenant_id, key),
  FOREIGN KEY (tenant_id, created_by_user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX goals_case ON goals (tenant_id, case_id, created_at);
CREATE INDEX goals_subject ON goals (tenant_id, subject_id);

-- An action may work toward a goal of its case.
ALTER TABLE actions ADD COLUMN goal_id uuid;
ALTER TABLE actions ADD CONSTRAINT actions_goal FOREIGN KEY (tenant_id, goal_id) REFERENCES goals (tenant_id, id);
CREATE INDEX actions_goal ON actions (tenant_id, goal_id) WHERE goal_id IS NOT NULL;

-- Evaluation moments: a text and the goal statuses set then.
CREATE TABLE evaluations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL,
  evaluated_on date NOT NULL,
  text text NOT NULL,
  author_user_id uuid,
  author_partner_id uuid,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  FOREIGN KEY (tenant_id, author_user_id) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, author_partner_id) REFERENCES partners (tenant_id, id)
);
CREATE INDEX evaluations_case ON evaluations (tenant_id, case_id, evaluated_on);

CREATE TABLE evaluation_goal_statuses (
  tenant_id uuid NOT NULL,
  evaluation_id uuid NOT NULL,
  goal_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'achieved', 'partly_achieved', 'not_achieved', 'dropped')),
  PRIMARY KEY (tenant_id, evaluation_id, goal_id),
  FOREIGN KEY (tenant_id, evaluation_id) REFERENCES evaluations (tenant_id, id),
  FOREIGN KEY (tenant_id, goal_id) REFERENCES goals (tenant_id, id)
);

-- How a case ended: the outcomes of the plan (API: `result: { outcome, text? }`), optional when
-- closing; the four results before issue 12 map onto them.
ALTER TABLE cases DROP CONSTRAINT cases_check;
ALTER TABLE cases DROP CONSTRAINT cases_result_check;
UPDATE cases SET result = CASE result
    WHEN 'goal_reached' THEN 'goals_achieved'
    WHEN 'partly_reached' THEN 'partly_achieved'
    WHEN 'not_reached' THEN 'not_achieved'
    ELSE result END
  WHERE result IS NOT NULL;
ALTER TABLE cases ADD CONSTRAINT cases_result_check
  CHECK (result IN ('goals_achieved', 'partly_achieved', 'not_achieved', 'transferred', 'stopped'));
ALTER TABLE cases ADD CONSTRAINT cases_result_only_closed CHECK (result IS NULL OR status = 'closed');
ALTER TABLE cases ADD COLUMN result_text text;
ALTER TABLE cases ADD COLUMN closed_at timestamptz;
UPDATE cases SET closed_at = updated_at WHERE status = 'closed';
UPDATE case_status_history SET result = CASE result
    WHEN 'goal_reached' THEN 'goals_achieved'
    WHEN 'partly_reached' THEN 'partly_achieved'
    WHEN 'not_reached' THEN 'not_achieved'
    ELSE result END
  WHERE result IS NOT NULL;
