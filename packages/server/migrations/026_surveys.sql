-- Issue 14: the neighbourhood survey. A regisseur opens a survey for wijken or buurten; residents answer
-- on a public page by its unguessable code. A response keeps the buurt (or none) and the answers, and
-- only the day it came in — no time, no address, no cookie value. Who wants to help may leave an email:
-- that goes to survey_contacts, which has no reference to the response and no time at all, so the
-- answers stay anonymous. The job that publishes the results after closing sets published_at once.
CREATE TABLE surveys (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  public_code text NOT NULL UNIQUE,
  title text NOT NULL,
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL CHECK (closes_at > opens_at),
  published_at timestamptz,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX surveys_to_publish ON surveys (closes_at) WHERE published_at IS NULL;

CREATE TABLE survey_areas (
  tenant_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  area_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, survey_id, area_id),
  FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, id),
  FOREIGN KEY (tenant_id, area_id) REFERENCES areas (tenant_id, id)
);

CREATE TABLE survey_responses (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL,
  buurt_id uuid,
  answers jsonb NOT NULL,
  received_on date NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, id),
  FOREIGN KEY (tenant_id, buurt_id) REFERENCES areas (tenant_id, id)
);
CREATE INDEX survey_responses_survey ON survey_responses (tenant_id, survey_id, buurt_id);

CREATE TABLE survey_contacts (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL,
  email text NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, id)
);
CREATE INDEX survey_contacts_survey ON survey_contacts (tenant_id, survey_id);
