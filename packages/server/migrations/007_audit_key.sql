-- The audit chain is keyed from here on: `hash` = HMAC-SHA256(audit key, prev_hash + canonical record),
-- with a key that is never stored in the database (WIJKREGIE_AUDIT_KEY or the key file of the embedded
-- database; docs/audit.md). Records written before this migration keep their plain SHA-256 link and
-- are marked `keyed = false`; nothing is re-keyed. The first keyed record (the server writes one at
-- start for every chain that still ends in an unkeyed record) links to the old head and so seals the
-- old segment: the verifier accepts unkeyed records only before the first keyed one.
-- Adding a column with a constant default rewrites no rows, so the append-only trigger does not fire.
ALTER TABLE audit_log ADD COLUMN keyed boolean NOT NULL DEFAULT false;
-- Every new record says which link it has.
ALTER TABLE audit_log ALTER COLUMN keyed DROP DEFAULT;
