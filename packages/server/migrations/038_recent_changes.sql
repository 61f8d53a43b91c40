-- Reads at city scale (issue 16): the start page's changed cases read the status changes and action changes of
-- the last days from an index (a status change was found by reading the tenant's whole history: 200,000 rows
-- on the bench), and a user's looks at cases by user (the page reads older changes only of the cases looked at).
CREATE INDEX case_status_history_recent ON case_status_history (tenant_id, at);
CREATE INDEX action_history_recent ON action_history (tenant_id, at);
CREATE INDEX case_looks_user ON case_looks (tenant_id, user_id, case_id) INCLUDE (at);

-- The recent entries with what the start page filters on in the index itself (entries are append-only, so the
-- index alone answers): 35,624 entries of the last week on the bench were read from the table rows before.
CREATE INDEX entries_recent_changes ON entries (tenant_id, created_at) INCLUDE (case_id, category, author_user_id);
DROP INDEX entries_recent;
