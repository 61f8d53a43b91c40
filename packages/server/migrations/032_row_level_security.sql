-- Issue 15, point 4: a second wall in the database. The application's tenant-bound work (every request
-- through `TenantDb`, the residents' endpoints included) runs as the role `wijkregie_app`, which owns no table;
-- row-level security on every table with a `tenant_id` shows it only the rows of the tenant named by the
-- setting `app.tenant_id` (set per connection or per transaction by db/postgres.ts), so a query that forgets
-- its `tenant_id` filter still cannot read or write another tenant's rows.
--
-- The system path (migrations, start-up, login by email, public codes, the workers, the CLI, the demo) stays
-- on the connecting user, who owns the tables: an owner is not subject to row-level security unless it is
-- forced, and it is not forced here on purpose — forcing would wall in only the owner, whose work spans the
-- tenants by design, and would need a bypass setting that the application role could set as well.
-- docs/security.md lists the tables and says why.

-- The role is cluster-wide: several databases on one server share it, and two may migrate at the same time.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'wijkregie_app') THEN
    BEGIN
      CREATE ROLE wijkregie_app NOLOGIN;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL; -- created meanwhile by another database's migration
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'De databasegebruiker % mag geen rol aanmaken. Maak eenmalig als beheerder: CREATE ROLE wijkregie_app NOLOGIN; GRANT wijkregie_app TO %;', current_user, current_user;
    END;
  END IF;
  -- The connecting user takes the role on its tenant connections (a superuser may take any role).
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    BEGIN
      EXECUTE format('GRANT wijkregie_app TO %I', current_user);
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'De databasegebruiker % mag de rol wijkregie_app niet aannemen. Geef als beheerder: GRANT wijkregie_app TO %;', current_user, current_user;
    END;
  END IF;
END
$$;

-- What the application may do: read and write rows, never change the schema.
GRANT USAGE ON SCHEMA public TO wijkregie_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO wijkregie_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO wijkregie_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO wijkregie_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO wijkregie_app;

-- Row-level security with one policy on a table with a tenant_id (uuid). An unset setting reads as NULL or ''
-- and matches no row. A later migration that creates a table with tenant data ends with
-- `SELECT enable_tenant_wall('the_table');` (test/row-level-security.test.ts fails for a table without it).
CREATE FUNCTION enable_tenant_wall(t regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
  EXECUTE format('DROP POLICY IF EXISTS tenant_wall ON %s', t);
  EXECUTE format(
    'CREATE POLICY tenant_wall ON %s TO wijkregie_app'
    ' USING (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid)'
    ' WITH CHECK (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid)',
    t);
END
$$;
REVOKE EXECUTE ON FUNCTION enable_tenant_wall(regclass) FROM PUBLIC;

-- Every table with a tenant_id that exists now.
SELECT enable_tenant_wall(format('%I', c.table_name)::regclass)
  FROM information_schema.columns c
  JOIN information_schema.tables tb
    ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
 WHERE c.table_schema = current_schema() AND c.column_name = 'tenant_id';

-- The tenants table has no tenant_id: its key is the tenant. The application role sees its own row only.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON tenants TO wijkregie_app
  USING (id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- Row-level security keeps the planner from using an index for an operator that is not leakproof, such as
-- LIKE and pg_trgm's `<%`: under the policy a trigram search would read every row of the tenant. So the
-- searches narrow through these views, which read as their owner (no row-level security) the texts of the
-- trigram indexes (the expressions exactly as migrations 002 and 011 index them) and show only the rows of
-- `app.tenant_id` when it is set (the tenant connections) — and of every tenant on the system path and on
-- PGlite, where the statement's own `tenant_id` filter holds; never to the application role without the
-- setting (`current_user` in a view is the role that runs the query, not the view's owner). The rows themselves are then read under the
-- policy (modules/search/repository.ts, searchPersons in modules/subjects/repository.ts).
CREATE VIEW search_person_names AS
  SELECT tenant_id, id, search_name AS text FROM persons
   WHERE tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
      OR (NULLIF(current_setting('app.tenant_id', true), '') IS NULL AND current_user <> 'wijkregie_app');
CREATE VIEW search_persons AS
  SELECT tenant_id, id,
         (search_name || ' ' || lower(coalesce(street, '') || ' ' || coalesce(house_number, '') || ' '
           || coalesce(postal_code, '') || ' ' || coalesce(city, ''))) AS text
    FROM persons
   WHERE tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
      OR (NULLIF(current_setting('app.tenant_id', true), '') IS NULL AND current_user <> 'wijkregie_app');
CREATE VIEW search_cases AS
  SELECT tenant_id, id, lower(reference || ' ' || title) AS text FROM cases
   WHERE tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
      OR (NULLIF(current_setting('app.tenant_id', true), '') IS NULL AND current_user <> 'wijkregie_app');
CREATE VIEW search_signals AS
  SELECT tenant_id, id,
         lower(description || ' ' || coalesce(street, '') || ' ' || coalesce(house_number, '') || ' '
           || coalesce(postal_code, '') || ' ' || coalesce(city, '')) AS text
    FROM signals
   WHERE tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
      OR (NULLIF(current_setting('app.tenant_id', true), '') IS NULL AND current_user <> 'wijkregie_app');
CREATE VIEW search_meetings AS
  SELECT tenant_id, id, lower(title) AS text FROM meetings
   WHERE tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
      OR (NULLIF(current_setting('app.tenant_id', true), '') IS NULL AND current_user <> 'wijkregie_app');
CREATE VIEW search_locations AS
  SELECT tenant_id, id,
         lower(name || ' ' || coalesce(street, '') || ' ' || coalesce(house_number, '') || ' '
           || coalesce(postal_code, '') || ' ' || coalesce(city, '')) AS text
    FROM locations
   WHERE tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
      OR (NULLIF(current_setting('app.tenant_id', true), '') IS NULL AND current_user <> 'wijkregie_app');
GRANT SELECT ON search_person_names, search_persons, search_cases, search_signals, search_meetings,
  search_locations TO wijkregie_app;
