-- Issue 13, measured: the picture of a wijk reads every incident of the wijk in the period twice (the
-- counts and the hotspots). With the kind and the point in the index, both are index-only scans
-- instead of a heap fetch per incident (bench/picture.ts: 200,000 incidents).
DROP INDEX incidents_area_time;
CREATE INDEX incidents_area_time ON incidents (tenant_id, area_id, occurred_at) INCLUDE (category, lat, lng);
