-- Reads at city scale (issue 16): the case list's usual order (last changed first, then id) straight from an
-- index, so a page is read in order and stops at the page. The older index held only the time: cases
-- changed in the same instant (a bulk import) had to be gathered and sorted by id first (1,894 of them on
-- the bench: 17 ms for the first page, 0.9 ms from this index).
CREATE INDEX cases_updated_order ON cases (tenant_id, updated_at DESC, id);
DROP INDEX cases_tenant_updated;

-- The cases a user directs, with their ids in the index: a professional's total (`visibleCaseCount`) counts
-- the directed cases their partner does not take part in without reading the case rows (16 → 9 ms for
-- 4,655 directed cases on the bench).
CREATE INDEX cases_directed ON cases (tenant_id, director_user_id) INCLUDE (id);
DROP INDEX cases_director;
