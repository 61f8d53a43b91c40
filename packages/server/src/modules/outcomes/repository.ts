import { CASE_OUTCOMES, type CaseOutcome, type DomainOutcome } from '@wijkregie/shared';
import { z } from 'zod';
import { Params } from '../../db/params.js';
import { col, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

/** The period and area the results are computed over (dates inclusive, Europe/Amsterdam). */
export interface OutcomeFilter {
  from: string;
  to: string;
  areaId: string | undefined;
}

/** Whether `areaId` is an area (wijk or buurt) of the tenant. */
export async function areaExists(s: TenantScope, areaId: string): Promise<boolean> {
  const found = await row(
    s.q,
    z.object({ id: col.uuid }),
    'SELECT id FROM areas WHERE tenant_id = $1 AND id = $2',
    [s.tenantId, areaId],
  );
  return found !== undefined;
}

/** The area and, for a wijk, its buurten: `(SELECT id FROM areas …)` for an `IN`. */
function areaSetSql(tenant: string, area: string): string {
  return `(SELECT ar.id FROM areas ar WHERE ar.tenant_id = ${tenant} AND (ar.id = ${area} OR ar.parent_id = ${area}))`;
}

const domainRow = z.object({
  domain: col.text,
  persons: col.int,
  improved: col.int,
  same: col.int,
  worsened: col.int,
  averageFirst: col.num.nullable(),
  averageLast: col.num.nullable(),
});

/**
 * Per life domain of the tenant (in their order): the persons with at least two scores on the domain
 * assessed in the period, and how their last score compares with their first (same date: the one
 * recorded later counts as later). With an area, only persons who lie in it: the case of their latest
 * assessment in the period belongs to the area (or, for a wijk, to one of its buurten) — a person has
 * no address point of their own, the case they are worked on in has its area.
 * One statement over the assessments of the period: a sort per person and domain, no query per person.
 */
export async function domainOutcomes(s: TenantScope, f: OutcomeFilter): Promise<DomainOutcome[]> {
  const p = new Params();
  const tenant = p.add(s.tenantId);
  const from = p.add(f.from);
  const to = p.add(f.to);
  const inPeriod = (a: string) =>
    `${a}.tenant_id = ${tenant} AND ${a}.assessed_on >= ${from}::date AND ${a}.assessed_on <= ${to}::date`;
  // With an area: the persons whose latest assessment of the period was made in a case of the area.
  const inArea = f.areaId
    ? `AND pa.person_id IN (
         SELECT latest.person_id FROM (
           SELECT DISTINCT ON (a.person_id) a.person_id, c.area_id
             FROM assessments a
             JOIN cases c ON c.tenant_id = a.tenant_id AND c.id = a.case_id
            WHERE ${inPeriod('a')}
            ORDER BY a.person_id, a.assessed_on DESC, a.created_at DESC
         ) latest
          WHERE latest.area_id IN ${areaSetSql(tenant, p.add(f.areaId))})`
    : '';
  return rows(
    s.q,
    domainRow,
    `WITH series AS (
       SELECT sc.domain, pa.person_id,
              array_agg(sc.score ORDER BY pa.assessed_on, pa.created_at) AS scores
         FROM assessments pa
         JOIN assessment_scores sc ON sc.tenant_id = pa.tenant_id AND sc.assessment_id = pa.id
        WHERE ${inPeriod('pa')} ${inArea}
        GROUP BY sc.domain, pa.person_id
       HAVING count(*) >= 2
     ), pairs AS (
       SELECT domain, scores[1] AS first, scores[cardinality(scores)] AS last FROM series
     )
     SELECT d.key AS domain,
            count(pr.domain)::int AS persons,
            count(*) FILTER (WHERE pr.last > pr.first)::int AS improved,
            count(*) FILTER (WHERE pr.last = pr.first)::int AS same,
            count(*) FILTER (WHERE pr.last < pr.first)::int AS worsened,
            round(avg(pr.first), 2) AS "averageFirst",
            round(avg(pr.last), 2) AS "averageLast"
       FROM life_domains d
       LEFT JOIN pairs pr ON pr.domain = d.key
      WHERE d.tenant_id = ${tenant}
      GROUP BY d.key, d.position
      ORDER BY d.position, d.key`,
    p.values,
  );
}

const closedRow = z.object({ outcome: z.enum(CASE_OUTCOMES), count: col.int });

/**
 * The cases closed in the period (from `fromInstant` up to, not including, `untilInstant`) by their
 * outcome, every outcome named (0 when none); with an area, the cases of the area or its buurten.
 */
export async function closedCaseOutcomes(
  s: TenantScope,
  fromInstant: Date,
  untilInstant: Date,
  areaId: string | undefined,
): Promise<{ outcome: CaseOutcome; count: number }[]> {
  const p = new Params();
  const tenant = p.add(s.tenantId);
  const where = [
    `c.tenant_id = ${tenant}`,
    `c.status = 'closed'`,
    `c.closed_at >= ${p.add(fromInstant)}`,
    `c.closed_at < ${p.add(untilInstant)}`,
  ];
  if (areaId) where.push(`c.area_id IN ${areaSetSql(tenant, p.add(areaId))}`);
  return rows(
    s.q,
    closedRow,
    `SELECT o.outcome, count(c.id)::int AS count
       FROM unnest(${p.add([...CASE_OUTCOMES])}::text[]) WITH ORDINALITY AS o (outcome, n)
       LEFT JOIN cases c ON c.result = o.outcome AND ${where.join(' AND ')}
      GROUP BY o.outcome, o.n
      ORDER BY o.n`,
    p.values,
  );
}
