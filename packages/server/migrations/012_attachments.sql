-- A child row references its parent by (tenant_id, id): entries get that key.
ALTER TABLE entries ADD CONSTRAINT entries_tenant_id_key UNIQUE (tenant_id, id);

-- Attachments: documents and photos on journal entries and signals (a resident's photo on a report
-- is a signal's). The bytes live in the database, not on a disk beside it, so every app instance
-- and every backup of the database holds the same files, and a file is written in the same
-- transaction as its entry or signal: an entry whose file is refused is not created.
CREATE TABLE attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  -- Exactly one owner: a journal entry (read under its category, like the entry) or a signal.
  entry_id uuid,
  signal_id uuid,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  content_type text NOT NULL CHECK (content_type IN (
    'application/pdf', 'image/jpeg', 'image/png',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.oasis.opendocument.text')),
  size integer NOT NULL CHECK (size >= 0 AND size <= 20971520),
  -- Hex SHA-256 of the content: to see that a restored file is the one that was sent.
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  -- Who sent it; none for a resident's photo.
  uploaded_by uuid,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, id),
  CHECK ((entry_id IS NULL) <> (signal_id IS NULL)),
  CHECK (octet_length(content) = size),
  FOREIGN KEY (tenant_id, entry_id) REFERENCES entries (tenant_id, id),
  FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id),
  FOREIGN KEY (tenant_id, uploaded_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX attachments_entry ON attachments (tenant_id, entry_id, created_at) WHERE entry_id IS NOT NULL;
CREATE INDEX attachments_signal ON attachments (tenant_id, signal_id, created_at) WHERE signal_id IS NOT NULL;
-- Like the journal, files are part of the record: never changed or removed.
CREATE TRIGGER attachments_append_only BEFORE UPDATE OR DELETE ON attachments
  FOR EACH ROW EXECUTE FUNCTION wijkregie_append_only();
