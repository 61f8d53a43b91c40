import { z } from 'zod';
import { col, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

/*
 * The counts behind the picture of a wijk or buurt: grouped in the database (a city's year is a few
 * hundred thousand incidents), per Amsterdam month and per area, so the answer is a few hundred rows.
 */

/** The period as the database compares it: from the first day's midnight to the day after the last. */
export interface Period {
  from: string;
  to: string;
}
const PERIOD_SQL = `>= ($3::date)::timestamp AT TIME ZONE 'Europe/Amsterdam'`;
const BEFORE_SQL = `< ($4::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'`;
/** The Amsterdam month of a moment; grouped first, written as `YYYY-MM` after (cheaper than per row). */
const MONTH = (column: string) => `date_trunc('month', ${column} AT TIME ZONE 'Europe/Amsterdam')`;
const MONTH_TEXT = (expr: string) => `to_char(${expr}, 'YYYY-MM')`;

const scopedArea = z.object({ id: col.uuid, name: col.text, kind: col.text });

/** The area and, for a wijk, its buurten. */
export function areaWithBuurten(s: TenantScope, areaId: string) {
  return rows(
    s.q,
    scopedArea,
    `SELECT id, name, kind FROM areas WHERE tenant_id = $1 AND (id = $2 OR parent_id = $2)
      ORDER BY (id = $2) DESC, name`,
    [s.tenantId, areaId],
  );
}

/**
 * Only incidents of one kind, when one is given: a filter on the kind the index `incidents_area_time`
 * carries (migration 020), so the scans stay index-only. The kind is the statement's parameter `$n`;
 * without one the statement has no such parameter at all.
 */
const ofKind = (category: string | undefined, n: number) => (category ? `AND category = $${n}` : '');
const kindParam = (category: string | undefined) => (category ? [category] : []);

const incidentCount = z.object({ month: col.text, category: col.text, area_id: col.uuid, n: col.int });

/** Incidents in the areas in the period (of one kind, if given), per month, kind and area. */
export function incidentCounts(s: TenantScope, areaIds: readonly string[], p: Period, category?: string) {
  return rows(
    s.q,
    incidentCount,
    `SELECT ${MONTH_TEXT('m')} AS month, category, area_id, n FROM (
       SELECT ${MONTH('occurred_at')} AS m, category, area_id, count(*)::int AS n FROM incidents
        WHERE tenant_id = $1 AND area_id = ANY ($2::uuid[]) AND occurred_at ${PERIOD_SQL} AND occurred_at ${BEFORE_SQL}
          ${ofKind(category, 5)}
        GROUP BY 1, 2, 3) x`,
    [s.tenantId, [...areaIds], p.from, p.to, ...kindParam(category)],
  );
}

const monthAreaCount = z.object({ month: col.text, area_id: col.uuid, n: col.int });

/** Signals made in the areas in the period, per month and area. */
export function signalCounts(s: TenantScope, areaIds: readonly string[], p: Period) {
  return rows(
    s.q,
    monthAreaCount,
    `SELECT ${MONTH_TEXT('m')} AS month, area_id, n FROM (
       SELECT ${MONTH('created_at')} AS m, area_id, count(*)::int AS n FROM signals
        WHERE tenant_id = $1 AND area_id = ANY ($2::uuid[]) AND created_at ${PERIOD_SQL} AND created_at ${BEFORE_SQL}
        GROUP BY 1, 2) x`,
    [s.tenantId, [...areaIds], p.from, p.to],
  );
}

const caseCount = z.object({ month: col.text.nullable(), what: col.text, area_id: col.uuid, n: col.int });

/** Cases of the areas: opened and closed per month in the period, and open now per area (month null). */
export function caseCounts(s: TenantScope, areaIds: readonly string[], p: Period) {
  return rows(
    s.q,
    caseCount,
    `SELECT ${MONTH_TEXT(MONTH('created_at'))} AS month, 'opened' AS what, area_id, count(*)::int AS n FROM cases
      WHERE tenant_id = $1 AND area_id = ANY ($2::uuid[]) AND created_at ${PERIOD_SQL} AND created_at ${BEFORE_SQL}
      GROUP BY 1, 3
     UNION ALL
     SELECT ${MONTH_TEXT(MONTH('closed_at'))}, 'closed', area_id, count(*)::int FROM cases
      WHERE tenant_id = $1 AND area_id = ANY ($2::uuid[]) AND closed_at ${PERIOD_SQL} AND closed_at ${BEFORE_SQL}
      GROUP BY 1, 3
     UNION ALL
     SELECT NULL, 'open', area_id, count(*)::int FROM cases
      WHERE tenant_id = $1 AND area_id = ANY ($2::uuid[]) AND status <> 'closed'
      GROUP BY 3`,
    [s.tenantId, [...areaIds], p.from, p.to],
  );
}

/** A hotspot cell: 0.0018° of latitude and 0.003° of longitude, about 200 × 200 m in the Netherlands. */
const CELL_LAT = 0.0018;
const CELL_LNG = 0.003;
const hotspotRow = z.object({ lat: z.number(), lng: z.number(), n: col.int });

/**
 * The busiest cells of incidents with a point in the areas in the period (of one kind, if given), at
 * most `limit`.
 */
export function hotspots(
  s: TenantScope,
  areaIds: readonly string[],
  p: Period,
  limit: number,
  category?: string,
) {
  return rows(
    s.q,
    hotspotRow,
    `SELECT avg(lat)::float8 AS lat, avg(lng)::float8 AS lng, count(*)::int AS n FROM incidents
      WHERE tenant_id = $1 AND area_id = ANY ($2::uuid[]) AND occurred_at ${PERIOD_SQL} AND occurred_at ${BEFORE_SQL}
        AND lat IS NOT NULL ${ofKind(category, 6)}
      GROUP BY floor(lat / ${CELL_LAT}), floor(lng / ${CELL_LNG})
      HAVING count(*) > 1
      ORDER BY n DESC, lat, lng LIMIT $5`,
    [s.tenantId, [...areaIds], p.from, p.to, limit, ...kindParam(category)],
  );
}
