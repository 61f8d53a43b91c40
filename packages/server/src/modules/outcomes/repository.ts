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
 * One statement over the scores of the period, grouped by person and domain with plain min/max (no
 * sort): each score rides on its moment, encoded as one bigint that orders like (assessed_on,
 * created_at) — days since 1900 · 2⁴² + milliseconds since 1970, times 8 — with the score (1–5) in the
 * lowest three bits, so `min(…) % 8` is the first score and `max(…) % 8` the last. The moment is
 * computed once per assessment, below the join (`OFFSET 0`).
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
    ? `AND a.person_id IN (
         SELECT latest.person_id FROM (
           SELECT DISTINCT ON (la.person_id) la.person_id, c.area_id
             FROM assessments la
             JOIN cases c ON c.tenant_id = la.tenant_id AND c.id = la.case_id
            WHERE ${inPeriod('la')}
            ORDER BY la.person_id, la.assessed_on DESC, la.created_at DESC
         ) latest
          WHERE latest.area_id IN ${areaSetSql(tenant, p.add(f.areaId))})`
    : '';
  return rows(
    s.q,
    domainRow,
    `WITH pairs AS (
       SELECT sc.domain, min(m.at + sc.score) % 8 AS first, max(m.at + sc.score) % 8 AS last
         FROM (SELECT a.id, a.person_id,
                      ((a.assessed_on - date '1900-01-01')::bigint * 4398046511104
                        + (date_part('epoch', a.created_at) * 1000)::bigint) * 8 AS at
                 FROM assessments a
                WHERE ${inPeriod('a')} ${inArea}
               OFFSET 0) m
         JOIN assessment_scores sc ON sc.tenant_id = ${tenant} AND sc.assessment_id = m.id
        GROUP BY sc.domain, m.person_id
       HAVING count(*) >= 2
     ), per_domain AS (
       SELECT domain, count(*) AS persons,
              count(*) FILTER (WHERE last > first) AS improved,
              count(*) FILTER (WHERE last = first) AS same,
              count(*) FILTER (WHERE last < first) AS worsened,
              round(avg(first), 2) AS first, round(avg(last), 2) AS last
         FROM pairs GROUP BY domain
     )
     SELECT d.key AS domain, coalesce(pd.persons, 0)::int AS persons, coalesce(pd.improved, 0)::int AS improved,
            coalesce(pd.same, 0)::int AS same, coalesce(pd.worsened, 0)::int AS worsened,
            pd.first AS "averageFirst", pd.last AS "averageLast"
       FROM life_domains d
       LEFT JOIN per_domain pd ON pd.domain = d.key
      WHERE d.tenant_id = ${tenant}
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
