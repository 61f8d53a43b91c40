-- Reads at city scale (issue 16): every app instance keeps partners' rows of the authorisation matrix in
-- memory (modules/matrix/repository.ts `partnerAccess`) and forgets a tenant's rows the moment its matrix
-- changes. The change raises the tenant's version (migration 004); raising it now also announces it on
-- `wijkregie_matrix`, delivered at commit to every instance that listens.
CREATE FUNCTION wijkregie_announce_matrix_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('wijkregie_matrix', NEW.tenant_id::text);
  RETURN NULL;
END $$;

CREATE TRIGGER access_matrix_version_announce AFTER INSERT OR UPDATE ON access_matrix_versions
  FOR EACH ROW EXECUTE FUNCTION wijkregie_announce_matrix_version();
