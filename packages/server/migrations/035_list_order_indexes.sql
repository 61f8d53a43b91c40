-- Reads at city scale (issue 16): the action list's usual order (due date, then made, then id) straight from an
-- index, so a page of a tenant's actions is read in order and stops at the page instead of sorting every action
-- of the tenant first (36,000 actions on the bench: 45 ms for the first page).
CREATE INDEX actions_due_order ON actions (tenant_id, due_date, created_at, id);
