-- Read-path performance (no change in what anyone may see).
--
-- access_matrix_versions: a counter per tenant that every change of access_matrix raises in the
-- same transaction (row trigger). A reader that sees version V in its snapshot sees exactly the
-- matrix committed with V, so a partner's row read once at V may be reused while the tenant's
-- version is still V (modules/matrix/repository.ts `partnerAccess`, with the version that
-- `findCase` reads along with the case).
CREATE TABLE access_matrix_versions (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
  version bigint NOT NULL
);

CREATE FUNCTION wijkregie_bump_matrix_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO access_matrix_versions AS v (tenant_id, version)
  VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END, 1)
  ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1;
  IF TG_OP = 'UPDATE' AND OLD.tenant_id <> NEW.tenant_id THEN
    INSERT INTO access_matrix_versions AS v (tenant_id, version) VALUES (OLD.tenant_id, 1)
    ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER access_matrix_version AFTER INSERT OR UPDATE OR DELETE ON access_matrix
  FOR EACH ROW EXECUTE FUNCTION wijkregie_bump_matrix_version();

CREATE FUNCTION wijkregie_bump_all_matrix_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO access_matrix_versions AS v (tenant_id, version) SELECT id, 1 FROM tenants
  ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER access_matrix_version_truncate AFTER TRUNCATE ON access_matrix
  FOR EACH STATEMENT EXECUTE FUNCTION wijkregie_bump_all_matrix_versions();
