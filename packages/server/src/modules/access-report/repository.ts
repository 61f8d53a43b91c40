import {
  type AccessReport,
  AUDIT_ACTIONS,
  CASE_STATUSES,
  CASE_TYPES,
  GOAL_STATUSES,
  SIGNAL_SOURCES,
  SIGNAL_STATUSES,
} from '@wijkregie/shared';
import { z } from 'zod';
import { col, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

/*
 * The reads of the access report (AVG art. 15): everything held on one person, whatever the matrix
 * would show the caller (it is the person's own data), and the audit records about the person, the
 * person's cases and signals. Every statement is bound to the caller's tenant.
 */

type Report = AccessReport;

const personRow = z.object({
  id: col.uuid,
  first_name: col.text,
  last_name: col.text,
  birth_date: col.date.nullable(),
  bsn: col.text.nullable(),
  street: col.text.nullable(),
  house_number: col.text.nullable(),
  postal_code: col.text.nullable(),
  city: col.text.nullable(),
  created_at: col.timestamp,
  registered_by: col.text.nullable(),
});

/** The person with the organisation that registered them; undefined when not of this tenant. */
export async function reportPerson(s: TenantScope, id: string): Promise<Report['person'] | undefined> {
  const r = await row(
    s.q,
    personRow,
    `SELECT p.id, p.first_name, p.last_name, p.birth_date, p.bsn, p.street, p.house_number, p.postal_code,
            p.city, p.created_at, pa.name AS registered_by
       FROM persons p
       LEFT JOIN partners pa ON pa.tenant_id = p.tenant_id AND pa.id = p.created_by_partner_id
      WHERE p.tenant_id = $1 AND p.id = $2`,
    [s.tenantId, id],
  );
  if (!r) return undefined;
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    birthDate: r.birth_date,
    bsn: r.bsn,
    address:
      r.street && r.house_number && r.postal_code && r.city
        ? { street: r.street, houseNumber: r.house_number, postalCode: r.postal_code, city: r.city }
        : null,
    createdAt: r.created_at.toISOString(),
    registeredBy: r.registered_by,
  };
}

/** The name of any subject, in SQL (`kind`, `id` are column expressions). */
const subjectName = (kind: string, id: string) => `CASE ${kind}
    WHEN 'person' THEN (SELECT x.first_name || ' ' || x.last_name FROM persons x WHERE x.tenant_id = $1 AND x.id = ${id})
    WHEN 'household' THEN (SELECT x.name FROM households x WHERE x.tenant_id = $1 AND x.id = ${id})
    WHEN 'group' THEN (SELECT x.name FROM groups x WHERE x.tenant_id = $1 AND x.id = ${id})
    WHEN 'location' THEN (SELECT x.name FROM locations x WHERE x.tenant_id = $1 AND x.id = ${id})
  END`;

const relationRow = z.object({
  relation: col.text,
  kind: z.enum(['person', 'household', 'group', 'location']),
  name: col.text.nullable(),
  direction: z.enum(['from', 'to']),
});

/** The person's relations (households, groups, places, family), both ways. */
export async function reportRelations(s: TenantScope, id: string): Promise<Report['relations']> {
  const found = await rows(
    s.q,
    relationRow,
    `SELECT r.relation, r.kind, ${subjectName('r.kind', 'r.other_id')} AS name, r.direction
       FROM (SELECT relation, to_kind AS kind, to_id AS other_id, 'to' AS direction, created_at
               FROM subject_relations WHERE tenant_id = $1 AND from_kind = 'person' AND from_id = $2
             UNION ALL
             SELECT relation, from_kind, from_id, 'from', created_at
               FROM subject_relations WHERE tenant_id = $1 AND to_kind = 'person' AND to_id = $2) r
      ORDER BY r.created_at`,
    [s.tenantId, id],
  );
  return found.map((r) => ({ ...r, name: r.name ?? '' }));
}

const processingCols = `pr.id AS pr_id, pr.name AS pr_name, pr.purpose AS pr_purpose, pr.legal_basis AS pr_legal_basis,
       pr.law_reference AS pr_law_reference, pr.retention_days AS pr_retention_days`;
const processingRow = {
  pr_id: col.uuid,
  pr_name: col.text,
  pr_purpose: col.text,
  pr_legal_basis: col.text,
  pr_law_reference: col.text.nullable(),
  pr_retention_days: col.int,
};
const processingOf = (r: z.infer<z.ZodObject<typeof processingRow>>) => ({
  id: r.pr_id,
  name: r.pr_name,
  purpose: r.pr_purpose,
  legalBasis: r.pr_legal_basis,
  lawReference: r.pr_law_reference,
  retentionDays: r.pr_retention_days,
});

const caseRow = z.object({
  id: col.uuid,
  reference: col.text,
  type: z.enum(CASE_TYPES),
  title: col.text,
  status: z.enum(CASE_STATUSES),
  created_at: col.timestamp,
  closed_at: col.timestamp.nullable(),
  via: z.enum(['person', 'household', 'group']),
  partners: col.json,
  ...processingRow,
});

/**
 * The person's cases: those the person is a subject of, and those of a household or group the person
 * is a member of (the person is then in it too). Without entries, goals and assessments.
 */
export async function reportCases(s: TenantScope, id: string): Promise<Report['cases']> {
  const found = await rows(
    s.q,
    caseRow,
    `WITH via AS (
       SELECT cs.case_id, 'person' AS via, 0 AS rank FROM case_subjects cs
        WHERE cs.tenant_id = $1 AND cs.kind = 'person' AND cs.subject_id = $2
       UNION ALL
       SELECT cs.case_id, cs.kind, 1 FROM case_subjects cs
         JOIN subject_relations r ON r.tenant_id = cs.tenant_id AND r.from_kind = 'person' AND r.from_id = $2
                                 AND r.relation = 'member_of' AND r.to_kind = cs.kind AND r.to_id = cs.subject_id
        WHERE cs.tenant_id = $1 AND cs.kind IN ('household', 'group')
     ), first_via AS (SELECT DISTINCT ON (case_id) case_id, via FROM via ORDER BY case_id, rank)
     SELECT c.id, c.reference, c.type, c.title, c.status, c.created_at, c.closed_at, v.via,
            coalesce((SELECT json_agg(json_build_object('id', pa.id, 'name', pa.name) ORDER BY pa.name)
                        FROM case_partners cp JOIN partners pa ON pa.tenant_id = cp.tenant_id AND pa.id = cp.partner_id
                       WHERE cp.tenant_id = c.tenant_id AND cp.case_id = c.id), '[]'::json) AS partners,
            ${processingCols}
       FROM first_via v
       JOIN cases c ON c.tenant_id = $1 AND c.id = v.case_id
       JOIN processing_activities pr ON pr.tenant_id = c.tenant_id AND pr.id = c.processing_activity_id
      ORDER BY c.created_at, c.reference`,
    [s.tenantId, id],
  );
  return found.map((r) => ({
    id: r.id,
    reference: r.reference,
    type: r.type,
    title: r.title,
    status: r.status,
    createdAt: r.created_at.toISOString(),
    closedAt: r.closed_at ? r.closed_at.toISOString() : null,
    via: r.via,
    processingActivity: processingOf(r),
    partners: z.array(z.object({ id: col.uuid, name: col.text })).parse(r.partners),
    entries: [],
    goals: [],
    assessments: [],
  }));
}

const entryRow = z.object({
  case_id: col.uuid,
  category: col.text,
  category_label: col.text,
  text: col.text,
  created_at: col.timestamp,
  partner_id: col.uuid,
  partner_name: col.text,
});

/** Every journal entry of these cases (all categories), oldest first, with the organisation that wrote it. */
export async function reportEntries(s: TenantScope, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  const found = await rows(
    s.q,
    entryRow,
    `SELECT e.case_id, e.category, coalesce(cat.label, e.category) AS category_label, e.text, e.created_at,
            e.partner_id, pa.name AS partner_name
       FROM entries e
       JOIN partners pa ON pa.tenant_id = e.tenant_id AND pa.id = e.partner_id
       LEFT JOIN categories cat ON cat.tenant_id = e.tenant_id AND cat.key = e.category
      WHERE e.tenant_id = $1 AND e.case_id = ANY($2::uuid[])
      ORDER BY e.created_at, e.id`,
    [s.tenantId, caseIds],
  );
  return found.map((r) => ({
    caseId: r.case_id,
    entry: {
      category: r.category,
      categoryLabel: r.category_label,
      text: r.text,
      createdAt: r.created_at.toISOString(),
      partner: { id: r.partner_id, name: r.partner_name },
    },
  }));
}

const goalRow = z.object({
  case_id: col.uuid,
  domain: col.text,
  domain_label: col.text,
  text: col.text,
  status: z.enum(GOAL_STATUSES),
  target_score: col.int.nullable(),
  due_date: col.date.nullable(),
  created_at: col.timestamp,
});

/** The goals of these cases set for the person or for the household or group as a whole (not another member's). */
export async function reportGoals(s: TenantScope, personId: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  const found = await rows(
    s.q,
    goalRow,
    `SELECT g.case_id, g.domain, coalesce(d.label, g.domain) AS domain_label, g.text, g.status, g.target_score,
            g.due_date, g.created_at
       FROM goals g
       LEFT JOIN life_domains d ON d.tenant_id = g.tenant_id AND d.key = g.domain
      WHERE g.tenant_id = $1 AND g.case_id = ANY($3::uuid[])
        AND (g.subject_kind <> 'person' OR g.subject_id = $2)
      ORDER BY g.created_at, g.id`,
    [s.tenantId, personId, caseIds],
  );
  return found.map((r) => ({
    caseId: r.case_id,
    goal: {
      domain: r.domain,
      domainLabel: r.domain_label,
      text: r.text,
      status: r.status,
      targetScore: r.target_score,
      dueDate: r.due_date,
      createdAt: r.created_at.toISOString(),
    },
  }));
}

const assessmentRow = z.object({
  case_id: col.uuid,
  assessed_on: col.date,
  partner_name: col.text.nullable(),
  scores: col.json,
});
const scoresShape = z.array(
  z.object({ domain: col.text, domainLabel: col.text, score: col.int, note: col.text.nullable() }),
);

/** The person's assessments (every score on every domain), oldest first, with their case. */
export async function reportAssessments(s: TenantScope, personId: string) {
  const found = await rows(
    s.q,
    assessmentRow,
    `SELECT a.case_id, a.assessed_on, pa.name AS partner_name,
            coalesce((SELECT json_agg(json_build_object('domain', sc.domain, 'domainLabel', coalesce(d.label, sc.domain),
                                                        'score', sc.score, 'note', sc.note) ORDER BY d.position, sc.domain)
                        FROM assessment_scores sc
                        LEFT JOIN life_domains d ON d.tenant_id = sc.tenant_id AND d.key = sc.domain
                       WHERE sc.tenant_id = a.tenant_id AND sc.assessment_id = a.id), '[]'::json) AS scores
       FROM assessments a
       LEFT JOIN partners pa ON pa.tenant_id = a.tenant_id AND pa.id = a.author_partner_id
      WHERE a.tenant_id = $1 AND a.person_id = $2
      ORDER BY a.assessed_on, a.created_at`,
    [s.tenantId, personId],
  );
  return found.map((r) => ({
    caseId: r.case_id,
    assessment: {
      assessedOn: r.assessed_on,
      partnerName: r.partner_name,
      scores: scoresShape.parse(r.scores),
    },
  }));
}

const signalRow = z.object({
  id: col.uuid,
  category: col.text,
  category_label: col.text,
  source: z.enum(SIGNAL_SOURCES),
  status: z.enum(SIGNAL_STATUSES),
  description: col.text,
  created_at: col.timestamp,
  ...processingRow,
});

/** The signals about the person: named in them, or matched to them. */
export async function reportSignals(s: TenantScope, personId: string): Promise<Report['signals']> {
  const found = await rows(
    s.q,
    signalRow,
    `SELECT sg.id, sg.category, coalesce(sc.label, sg.category) AS category_label, sg.source, sg.status,
            sg.description, sg.created_at, ${processingCols}
       FROM signals sg
       JOIN processing_activities pr ON pr.tenant_id = sg.tenant_id AND pr.id = sg.processing_activity_id
       LEFT JOIN signal_categories sc ON sc.tenant_id = sg.tenant_id AND sc.key = sg.category
      WHERE sg.tenant_id = $1
        AND (EXISTS (SELECT 1 FROM signal_persons sp
                      WHERE sp.tenant_id = sg.tenant_id AND sp.signal_id = sg.id AND sp.person_id = $2)
          OR EXISTS (SELECT 1 FROM signal_matches m
                      WHERE m.tenant_id = sg.tenant_id AND m.signal_id = sg.id AND m.kind = 'person'
                        AND m.target_id = $2))
      ORDER BY sg.created_at, sg.id`,
    [s.tenantId, personId],
  );
  return found.map((r) => ({
    id: r.id,
    category: r.category,
    categoryLabel: r.category_label,
    source: r.source,
    status: r.status,
    description: r.description,
    createdAt: r.created_at.toISOString(),
    processingActivity: processingOf(r),
  }));
}

const accessRow = z.object({
  at: col.timestamp,
  user_id: col.uuid.nullable(),
  partner_id: col.uuid.nullable(),
  partner_name: col.text.nullable(),
  action: z.enum(AUDIT_ACTIONS),
  object_type: col.text,
  processing_activity_id: col.uuid.nullable(),
  processing_activity_name: col.text.nullable(),
  case_reference: col.text.nullable(),
  purpose: col.text,
});

/**
 * Every audit record about the person: naming the person as a data subject (`person_ids`, GIN-indexed),
 * with the person as its object, or about one of the person's cases or signals. Newest first.
 */
export async function reportAccesses(
  s: TenantScope,
  personId: string,
  objectIds: readonly string[],
): Promise<Report['accesses']> {
  const found = await rows(
    s.q,
    accessRow,
    `SELECT l.at, l.user_id, l.partner_id, pa.name AS partner_name, l.action, l.object_type,
            l.processing_activity_id, pr.name AS processing_activity_name, c.reference AS case_reference, l.purpose
       FROM audit_log l
       LEFT JOIN partners pa ON pa.tenant_id = l.tenant_id AND pa.id = l.partner_id
       LEFT JOIN processing_activities pr ON pr.tenant_id = l.tenant_id AND pr.id = l.processing_activity_id
       LEFT JOIN cases c ON c.tenant_id = l.tenant_id AND l.object_type = 'case' AND c.id = l.object_id
      WHERE l.tenant_id = $1
        AND (l.person_ids @> ARRAY[$2::uuid] OR l.object_id = $2::uuid OR l.object_id = ANY($3::uuid[]))
      ORDER BY l.seq DESC`,
    [s.tenantId, personId, objectIds],
  );
  return found.map((r) => ({
    at: r.at.toISOString(),
    userId: r.user_id,
    partnerId: r.partner_id,
    partnerName: r.partner_name,
    action: r.action,
    processingActivityId: r.processing_activity_id,
    processingActivityName: r.processing_activity_name,
    objectType: r.object_type,
    caseReference: r.case_reference,
    purpose: r.purpose,
  }));
}

/** The municipality's name (the sender of the letter). */
export async function municipalityName(s: TenantScope): Promise<string> {
  const found = await row(s.q, z.object({ name: col.text }), 'SELECT name FROM tenants WHERE id = $1', [
    s.tenantId,
  ]);
  return found?.name ?? 'De gemeente';
}
