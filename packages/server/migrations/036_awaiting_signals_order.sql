-- Reads at city scale (issue 16): the start page's first awaiting signals in their order (first-contact deadline,
-- then received, then id) straight from an index, so the section reads five entries instead of sorting every
-- awaiting signal first (a regisseur: all of the municipality, 9,843 on the bench; anybody else: those routed to
-- their organisation, by the second index, which replaces migration 013's shorter one).
CREATE INDEX signals_awaiting_order ON signals (tenant_id, first_contact_due, created_at, id)
  WHERE status IN ('new', 'triage', 'visit_planned');
CREATE INDEX signals_awaiting_routed_order ON signals (tenant_id, routed_partner_id, first_contact_due, created_at, id)
  WHERE status IN ('new', 'triage', 'visit_planned');
DROP INDEX signals_open_routed;
