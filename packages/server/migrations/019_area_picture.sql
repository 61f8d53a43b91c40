-- Issue 13: the picture of a wijk or buurt counts signals and cases per area and month.
CREATE INDEX signals_area_created ON signals (tenant_id, area_id, created_at) WHERE area_id IS NOT NULL;
CREATE INDEX cases_area ON cases (tenant_id, area_id) WHERE area_id IS NOT NULL;
