-- Issue 15, point 1: the register of processing activities (AVG art. 30, "verwerkingsregister"). Each
-- municipality keeps its own register; every case and every signal is processed under one activity of it
-- (chosen by case type or signal source when it is made, changed by a regisseur with a reason), and
-- every audit record gains the fields of the Logboek Dataverwerkingen: the activity, the trace id of the
-- request (the data subjects were already `person_ids`).
CREATE TABLE processing_activities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  name text NOT NULL,
  purpose text NOT NULL,
  legal_basis text NOT NULL,
  law_reference text,
  retention_days int NOT NULL CHECK (retention_days > 0),
  categories text[] NOT NULL DEFAULT '{}',
  recipients text,
  default_case_types text[] NOT NULL DEFAULT '{}',
  default_signal_sources text[] NOT NULL DEFAULT '{}',
  position int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, name)
);

-- The register of the municipalities that exist already (the same defaults as DEFAULT_PROCESSING_ACTIVITIES
-- in packages/shared/src/processing.ts, which bootstrap/tenant.ts gives every new municipality).
INSERT INTO processing_activities (tenant_id, name, purpose, legal_basis, law_reference, retention_days,
                                   categories, recipients, default_case_types, default_signal_sources, position)
SELECT t.id, d.name, d.purpose, d.legal_basis, d.law_reference, d.retention_days, d.categories, d.recipients,
       d.case_types, d.sources, d.position
  FROM tenants t
 CROSS JOIN (VALUES
  ('Persoonsgerichte aanpak',
   'Een samenhangende aanpak van zorg en veiligheid rond één persoon, om escalatie, overlast en criminaliteit te voorkomen.',
   'AVG art. 6 lid 1 sub e (taak van algemeen belang)',
   'Gemeentewet art. 172 (openbare orde); Wmo 2015 art. 2.1.1 en 5.2.1',
   1825, ARRAY['basis','zorg','politie','justitie','financien','wonen','veiligheid'],
   'Partners in de casus volgens de autorisatiematrix (wijkteam, politie, zorgpartners)',
   ARRAY['person'], ARRAY['professional'], 1),
  ('Gezinsaanpak',
   'Ondersteuning van een huishouden met problemen op meerdere leefgebieden volgens één plan met één regisseur.',
   'AVG art. 6 lid 1 sub e (taak van algemeen belang)',
   'Wmo 2015 art. 2.3.2 en 5.2.1; Jeugdwet art. 2.3 en 7.4.0',
   1825, ARRAY['basis','zorg','jeugd','financien','wonen'],
   'Partners in de casus volgens de autorisatiematrix (wijkteam, jeugdhulp, woningcorporatie)',
   ARRAY['household'], ARRAY[]::text[], 2),
  ('Vroegsignalering schulden',
   'Betalingsachterstanden (huur, energie, drinkwater, zorgverzekering) vroeg signaleren en de inwoner schuldhulp aanbieden.',
   'AVG art. 6 lid 1 sub e (taak van algemeen belang); voor de melding door de schuldeiser sub c (wettelijke verplichting)',
   'Wet gemeentelijke schuldhulpverlening (Wgs) art. 3 en 4a; Besluit gemeentelijke schuldhulpverlening',
   365, ARRAY['basis','financien','wonen'],
   'Schuldhulpverlening van de gemeente; de schuldeiser krijgt niets terug',
   ARRAY[]::text[], ARRAY['creditor','outreach'], 3),
  ('Wijkaanpak en bewonersmeldingen',
   'Meldingen van bewoners over leefbaarheid en veiligheid behandelen en de gebiedsgerichte aanpak in wijk en buurt sturen.',
   'AVG art. 6 lid 1 sub e (taak van algemeen belang)',
   'Gemeentewet art. 172 (openbare orde)',
   730, ARRAY['basis','wonen','veiligheid'],
   'Partners in de wijkaanpak (politie, woningcorporatie, wijkteam)',
   ARRAY['area','group'], ARRAY['resident'], 4),
  ('Jeugd',
   'Toeleiding naar en afstemming van jeugdhulp en de samenwerking met de jeugdbescherming rond een jeugdige.',
   'AVG art. 6 lid 1 sub e (taak van algemeen belang); art. 9 lid 2 sub h voor gezondheidsgegevens',
   'Jeugdwet art. 2.1, 2.3 en 7.4.0; bewaartermijn Jeugdwet art. 7.3.10 (20 jaar)',
   7300, ARRAY['basis','jeugd','zorg'],
   'Jeugdhulpaanbieders en gecertificeerde instellingen in de casus',
   ARRAY[]::text[], ARRAY[]::text[], 5),
  ('Aanpak ondermijning',
   'Signalen van ondermijnende criminaliteit bundelen en bestuurlijke maatregelen voorbereiden.',
   'AVG art. 6 lid 1 sub e (taak van algemeen belang); strafrechtelijke gegevens: UAVG art. 33',
   'Gemeentewet art. 172 en 174a; Wet Bibob',
   1825, ARRAY['basis','politie','justitie','ondermijning','veiligheid'],
   'Politie, Openbaar Ministerie en RIEC volgens convenant',
   ARRAY['undermining'], ARRAY[]::text[], 6)
 ) AS d (name, purpose, legal_basis, law_reference, retention_days, categories, recipients, case_types, sources, position);

-- The activity a new case or signal is processed under when none is given: the one that is the default for
-- its case type or signal source, else the first of the register. A trigger, so every way a row is made
-- (the API, imports, the demo) gets one.
CREATE FUNCTION wijkregie_default_processing_activity(p_tenant uuid, p_kind text, p_value text) RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT id FROM processing_activities
   WHERE tenant_id = p_tenant
   ORDER BY (CASE WHEN p_kind = 'case' THEN p_value = ANY (default_case_types)
                  ELSE p_value = ANY (default_signal_sources) END) DESC,
            position, created_at, id
   LIMIT 1
$$;

CREATE FUNCTION wijkregie_case_processing_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.processing_activity_id IS NULL THEN
    NEW.processing_activity_id := wijkregie_default_processing_activity(NEW.tenant_id, 'case', NEW.type);
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION wijkregie_signal_processing_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.processing_activity_id IS NULL THEN
    NEW.processing_activity_id := wijkregie_default_processing_activity(NEW.tenant_id, 'signal', NEW.source);
  END IF;
  RETURN NEW;
END $$;

ALTER TABLE cases ADD COLUMN processing_activity_id uuid;
UPDATE cases SET processing_activity_id = wijkregie_default_processing_activity(tenant_id, 'case', type);
ALTER TABLE cases ALTER COLUMN processing_activity_id SET NOT NULL;
ALTER TABLE cases ADD FOREIGN KEY (tenant_id, processing_activity_id) REFERENCES processing_activities (tenant_id, id);
CREATE TRIGGER cases_processing_activity BEFORE INSERT ON cases
  FOR EACH ROW EXECUTE FUNCTION wijkregie_case_processing_activity();

ALTER TABLE signals ADD COLUMN processing_activity_id uuid;
UPDATE signals SET processing_activity_id = wijkregie_default_processing_activity(tenant_id, 'signal', source);
ALTER TABLE signals ALTER COLUMN processing_activity_id SET NOT NULL;
ALTER TABLE signals ADD FOREIGN KEY (tenant_id, processing_activity_id) REFERENCES processing_activities (tenant_id, id);
CREATE TRIGGER signals_processing_activity BEFORE INSERT ON signals
  FOR EACH ROW EXECUTE FUNCTION wijkregie_signal_processing_activity();

-- Logboek Dataverwerkingen: the activity a record was processed under and the trace of the request. Both
-- are inside the hashed record when present (chain.ts leaves absent keys out, so older records verify).
ALTER TABLE audit_log ADD COLUMN processing_activity_id uuid;
ALTER TABLE audit_log ADD COLUMN trace_id text;
CREATE INDEX audit_log_processing_activity ON audit_log (tenant_id, processing_activity_id, seq)
  WHERE processing_activity_id IS NOT NULL;
