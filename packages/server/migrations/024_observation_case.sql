-- Issue 13: a field note has a place on the map (a point; its buurt is the note's area) and may be
-- attached to a case under an information category: then it is information of that case and the
-- authorisation matrix decides who reads it, as for a journal entry. The case is a foreign key within
-- the tenant; a point and an attachment are both-or-neither.
ALTER TABLE observations ADD COLUMN lat double precision;
ALTER TABLE observations ADD COLUMN lng double precision;
ALTER TABLE observations ADD COLUMN case_id uuid;
ALTER TABLE observations ADD COLUMN category text;
ALTER TABLE observations ADD CONSTRAINT observations_point_check CHECK ((lat IS NULL) = (lng IS NULL));
ALTER TABLE observations ADD CONSTRAINT observations_case_check CHECK ((case_id IS NULL) = (category IS NULL));
ALTER TABLE observations ADD CONSTRAINT observations_case_fk FOREIGN KEY (tenant_id, case_id)
  REFERENCES cases (tenant_id, id);
ALTER TABLE observations ADD CONSTRAINT observations_category_fk FOREIGN KEY (tenant_id, category)
  REFERENCES categories (tenant_id, key);
-- The notes of a case.
CREATE INDEX observations_case ON observations (tenant_id, case_id) WHERE case_id IS NOT NULL;
