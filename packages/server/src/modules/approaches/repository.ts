import {
  type ApproachLinkKind,
  type ApproachLinks,
  CASE_STATUSES,
  INDICATOR_DIRECTIONS,
  INDICATOR_SOURCES,
  MEETING_STATUSES,
  OBSERVATION_KINDS,
  type Observation,
  SIGNAL_STATUSES,
} from '@wijkregie/shared';
import { z } from 'zod';
import { CASE_COLUMNS, caseRow, toCase } from '../../access/case-record.js';
import { caseVisibleSql } from '../../access/cases.js';
import { meetingVisibleSql } from '../../access/meetings.js';
import { observationVisibleSql } from '../../access/observations.js';
import { signalVisibleSql } from '../../access/signals.js';
import type { Viewer } from '../../access/viewer.js';
import { Params } from '../../db/params.js';
import { col, execute, hasRow, insertedId, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

/** The SQL of area approaches, their indicators and measurements, and field notes. */

export async function insertApproach(
  s: TenantScope,
  a: {
    areaId: string;
    title: string;
    jointGoal: string;
    startDate: string;
    endDate: string | null;
    coordinatorUserId: string;
    partners: { partnerId: string; commitment: string | null }[];
  },
): Promise<string> {
  const id = await insertedId(
    s.q,
    `INSERT INTO approaches (tenant_id, area_id, title, joint_goal, start_date, end_date, coordinator_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [s.tenantId, a.areaId, a.title, a.jointGoal, a.startDate, a.endDate, a.coordinatorUserId],
  );
  await execute(
    s.q,
    `INSERT INTO approach_partners (tenant_id, approach_id, partner_id, commitment)
     SELECT $1, $2, p."partnerId", p.commitment FROM jsonb_to_recordset($3::jsonb) AS p ("partnerId" uuid, commitment text)`,
    [s.tenantId, id, JSON.stringify(a.partners)],
  );
  return id;
}

/** Whether the user is an active regisseur (of an active partner) of the municipality. */
export function activeRegisseur(s: TenantScope, userId: string): Promise<boolean> {
  return hasRow(
    s.q,
    `SELECT 1 FROM users u JOIN partners p ON p.tenant_id = u.tenant_id AND p.id = u.partner_id
      WHERE u.tenant_id = $1 AND u.id = $2 AND u.active AND p.active AND 'regisseur' = ANY (u.roles)`,
    [s.tenantId, userId],
  );
}

const approachRow = z.object({
  id: col.uuid,
  area_id: col.uuid,
  area_name: col.text,
  area_kind: col.text,
  title: col.text,
  joint_goal: col.text,
  start_date: col.date,
  end_date: col.date.nullable(),
  coordinator_user_id: col.uuid,
  coordinator_name: col.text,
  created_at: col.timestamp,
  partners: z.array(z.object({ partnerId: z.string(), name: z.string(), commitment: z.string().nullable() })),
});
export type ApproachRow = z.output<typeof approachRow>;

export function findApproach(s: TenantScope, id: string): Promise<ApproachRow | undefined> {
  return row(
    s.q,
    approachRow,
    `SELECT a.id, a.area_id, ar.name AS area_name, ar.kind AS area_kind, a.title, a.joint_goal, a.start_date,
            a.end_date, a.coordinator_user_id, u.name AS coordinator_name, a.created_at,
            coalesce((SELECT jsonb_agg(jsonb_build_object('partnerId', ap.partner_id, 'name', p.name,
                                                          'commitment', ap.commitment) ORDER BY p.name)
                        FROM approach_partners ap JOIN partners p ON p.tenant_id = ap.tenant_id AND p.id = ap.partner_id
                       WHERE ap.tenant_id = a.tenant_id AND ap.approach_id = a.id), '[]'::jsonb) AS partners
       FROM approaches a
       JOIN areas ar ON ar.tenant_id = a.tenant_id AND ar.id = a.area_id
       JOIN users u ON u.tenant_id = a.tenant_id AND u.id = a.coordinator_user_id
      WHERE a.tenant_id = $1 AND a.id = $2`,
    [s.tenantId, id],
  );
}

/** An approach as the list shows it: a few columns of `approachRow`. */
const summaryRow = approachRow.pick({
  id: true,
  area_id: true,
  area_name: true,
  title: true,
  start_date: true,
  end_date: true,
});

/** The approaches of the municipality, or of an area, its wijk and its buurten; newest first. */
export function listApproachRows(s: TenantScope, areaId: string | null) {
  return rows(
    s.q,
    summaryRow,
    `SELECT a.id, a.area_id, ar.name AS area_name, a.title, a.start_date, a.end_date
       FROM approaches a JOIN areas ar ON ar.tenant_id = a.tenant_id AND ar.id = a.area_id
      WHERE a.tenant_id = $1
        AND ($2::uuid IS NULL OR a.area_id = $2 OR ar.parent_id = $2
             OR a.area_id = (SELECT parent_id FROM areas WHERE tenant_id = $1 AND id = $2))
      ORDER BY a.start_date DESC, a.created_at DESC`,
    [s.tenantId, areaId],
  );
}

export async function insertIndicator(
  s: TenantScope,
  approachId: string,
  i: {
    name: string;
    unit: string;
    baseline: number;
    target: number;
    direction: string;
    source: string;
    incidentCategory: string | null;
    surveyIndicator: string | null;
  },
): Promise<string> {
  const id = await insertedId(
    s.q,
    `INSERT INTO indicators (tenant_id, approach_id, name, unit, baseline, target, direction, source,
                             incident_category, survey_indicator, position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
             (SELECT count(*) FROM indicators WHERE tenant_id = $1 AND approach_id = $2))
     RETURNING id`,
    [
      s.tenantId,
      approachId,
      i.name,
      i.unit,
      i.baseline,
      i.target,
      i.direction,
      i.source,
      i.incidentCategory,
      i.surveyIndicator,
    ],
  );
  return id;
}

const indicatorRow = z.object({
  id: col.uuid,
  approach_id: col.uuid,
  name: col.text,
  unit: col.text,
  baseline: z.number(),
  target: z.number(),
  direction: z.enum(INDICATOR_DIRECTIONS),
  source: z.enum(INDICATOR_SOURCES),
  incident_category: col.text.nullable(),
  survey_indicator: col.text.nullable(),
  measurements: z.array(z.object({ date: z.string(), value: z.number() })),
});
export type IndicatorRow = z.output<typeof indicatorRow>;

/** The indicators of an approach (or the one with `id`), each with its hand measurements by date. */
export function indicatorRows(s: TenantScope, where: { approachId: string } | { id: string }) {
  const [column, value] = 'id' in where ? ['i.id', where.id] : ['i.approach_id', where.approachId];
  return rows(
    s.q,
    indicatorRow,
    `SELECT i.id, i.approach_id, i.name, i.unit, i.baseline, i.target, i.direction, i.source, i.incident_category,
            i.survey_indicator,
            coalesce((SELECT jsonb_agg(jsonb_build_object('date', m.measured_on, 'value', m.value) ORDER BY m.measured_on)
                        FROM indicator_measurements m WHERE m.tenant_id = i.tenant_id AND m.indicator_id = i.id),
                     '[]'::jsonb) AS measurements
       FROM indicators i WHERE i.tenant_id = $1 AND ${column} = $2
      ORDER BY i.position, i.created_at`,
    [s.tenantId, value],
  );
}

const monthCount = z.object({ month: col.text, n: col.int });

/** Incidents of a kind in an area (a wijk with its buurten) per Amsterdam month from `from` to before `to`. */
export function incidentsPerMonth(
  s: TenantScope,
  areaId: string,
  category: string,
  from: string,
  before: string,
) {
  return rows(
    s.q,
    monthCount,
    `SELECT to_char(m, 'YYYY-MM') AS month, n FROM (
       SELECT date_trunc('month', occurred_at AT TIME ZONE 'Europe/Amsterdam') AS m, count(*)::int AS n
         FROM incidents
        WHERE tenant_id = $1 AND category = $3
          AND area_id IN (SELECT id FROM areas WHERE tenant_id = $1 AND (id = $2 OR parent_id = $2))
          AND occurred_at >= ($4::date)::timestamp AT TIME ZONE 'Europe/Amsterdam'
          AND occurred_at < ($5::date)::timestamp AT TIME ZONE 'Europe/Amsterdam'
        GROUP BY 1) x`,
    [s.tenantId, areaId, category, from, before],
  );
}

/** Stores a measurement; false when the indicator has one on that date already. */
export async function insertMeasurement(
  s: TenantScope,
  indicatorId: string,
  m: { date: string; value: number; userId: string },
): Promise<boolean> {
  return hasRow(
    s.q,
    `INSERT INTO indicator_measurements (tenant_id, indicator_id, measured_on, value, user_id)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING indicator_id`,
    [s.tenantId, indicatorId, m.date, m.value, m.userId],
  );
}

/** Whether the partner takes part in the approach. */
export async function partnerInApproach(
  s: TenantScope,
  approachId: string,
  partnerId: string,
): Promise<boolean> {
  return hasRow(
    s.q,
    'SELECT 1 FROM approach_partners WHERE tenant_id = $1 AND approach_id = $2 AND partner_id = $3',
    [s.tenantId, approachId, partnerId],
  );
}

export async function insertObservation(
  s: TenantScope,
  o: {
    areaId: string;
    date: string;
    kind: string;
    topics: string[];
    text: string;
    followUp: string | null;
    point: { lat: number; lng: number } | null;
    attachedTo: { caseId: string; category: string } | null;
    userId: string;
    partnerId: string;
  },
): Promise<string> {
  const id = await insertedId(
    s.q,
    `INSERT INTO observations (tenant_id, area_id, observed_on, kind, topics, text, follow_up, author_user_id,
                               author_partner_id, lat, lng, case_id, category)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      s.tenantId,
      o.areaId,
      o.date,
      o.kind,
      o.topics,
      o.text,
      o.followUp,
      o.userId,
      o.partnerId,
      o.point?.lat ?? null,
      o.point?.lng ?? null,
      o.attachedTo?.caseId ?? null,
      o.attachedTo?.category ?? null,
    ],
  );
  return id;
}

const observationRow = z.object({
  id: col.uuid,
  area_id: col.uuid,
  observed_on: col.date,
  kind: z.enum(OBSERVATION_KINDS),
  topics: z.array(z.string()),
  text: col.text,
  follow_up: col.text.nullable(),
  author_name: col.text.nullable(),
  partner_name: col.text.nullable(),
  created_at: col.timestamp,
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  case_id: col.uuid.nullable(),
  case_reference: col.text.nullable(),
  category: col.text.nullable(),
});

/** Who reads the notes: the viewer, and whether their role reads cases (`cases.read`). */
export interface ObservationReader {
  viewer: Viewer;
  readsCases: boolean;
}

/**
 * Field notes of an area (a wijk with its buurten), newest first (at most 200), or the one with `id`; only
 * those the reader may read (`observationVisibleSql`: a note attached to a case only for who could read an
 * entry of its category there), filtered before the limit.
 */
export async function observationRows(
  s: TenantScope,
  where: { areaId: string } | { id: string },
  reader: ObservationReader,
): Promise<Observation[]> {
  const p = new Params();
  const tenant = p.add(s.tenantId);
  let filter: string;
  if ('id' in where) filter = `o.id = ${p.add(where.id)}`;
  else {
    const area = p.add(where.areaId);
    filter = `o.area_id IN (SELECT id FROM areas WHERE tenant_id = ${tenant} AND (id = ${area} OR parent_id = ${area}))`;
  }
  const found = await rows(
    s.q,
    observationRow,
    `SELECT o.id, o.area_id, o.observed_on, o.kind, o.topics, o.text, o.follow_up, u.name AS author_name,
            p.name AS partner_name, o.created_at, o.lat, o.lng, o.case_id, c.reference AS case_reference, o.category
       FROM observations o
       LEFT JOIN users u ON u.tenant_id = o.tenant_id AND u.id = o.author_user_id
       LEFT JOIN partners p ON p.tenant_id = o.tenant_id AND p.id = o.author_partner_id
       LEFT JOIN cases c ON c.tenant_id = o.tenant_id AND c.id = o.case_id
      WHERE o.tenant_id = ${tenant} AND ${filter}
        AND ${observationVisibleSql('o', reader.viewer, reader.readsCases, p)}
      ORDER BY o.observed_on DESC, o.created_at DESC LIMIT 200`,
    p.values,
  );
  return found.map((r) => ({
    id: r.id,
    areaId: r.area_id,
    date: r.observed_on,
    kind: r.kind,
    topics: r.topics,
    text: r.text,
    followUp: r.follow_up,
    authorName: r.author_name,
    partnerName: r.partner_name,
    createdAt: r.created_at.toISOString(),
    lat: r.lat,
    lng: r.lng,
    caseId: r.case_id,
    caseReference: r.case_reference,
    category: r.category,
  }));
}

/**
 * The persons involved in each of these cases (person subjects and members of household and group
 * subjects), in one query: what the audit record of a read of case information names.
 */
export async function casePersonIds(
  s: TenantScope,
  caseIds: readonly string[],
): Promise<Map<string, string[]>> {
  if (caseIds.length === 0) return new Map();
  const found = await rows(
    s.q,
    caseRow,
    `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.tenant_id = $1 AND c.id = ANY($2::uuid[])`,
    [s.tenantId, [...new Set(caseIds)]],
  );
  return new Map(found.map((r) => [r.id, toCase(r).personIds]));
}

// Links ------------------------------------------------------------------------------------------------

/** The column of `approach_links` (and the table) of each kind of target. */
const LINK_TARGET: Record<ApproachLinkKind, { column: string; table: string }> = {
  case: { column: 'case_id', table: 'cases' },
  signal: { column: 'signal_id', table: 'signals' },
  meeting: { column: 'meeting_id', table: 'meetings' },
};

/** The access twin of each kind of target, for its row `alias`. */
const LINK_VISIBLE: Record<ApproachLinkKind, (alias: string, v: Viewer, p: Params) => string> = {
  case: caseVisibleSql,
  signal: signalVisibleSql,
  meeting: meetingVisibleSql,
};

/** Whether the case, signal or meeting exists in the municipality and the viewer may open it. */
export function linkTargetVisible(
  s: TenantScope,
  v: Viewer,
  kind: ApproachLinkKind,
  id: string,
): Promise<boolean> {
  const p = new Params();
  return hasRow(
    s.q,
    `SELECT 1 FROM ${LINK_TARGET[kind].table} t
      WHERE t.tenant_id = ${p.add(s.tenantId)} AND t.id = ${p.add(id)} AND ${LINK_VISIBLE[kind]('t', v, p)}`,
    p.values,
  );
}

/** Ties the target to the approach; false when it is tied already. */
export function insertLink(
  s: TenantScope,
  approachId: string,
  link: { kind: ApproachLinkKind; id: string; userId: string },
): Promise<boolean> {
  return hasRow(
    s.q,
    `INSERT INTO approach_links (tenant_id, approach_id, ${LINK_TARGET[link.kind].column}, created_by_user_id)
     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING approach_id`,
    [s.tenantId, approachId, link.id, link.userId],
  );
}

/** Unties the target from the approach; false when it was not tied. */
export function deleteLink(
  s: TenantScope,
  approachId: string,
  link: { kind: ApproachLinkKind; id: string },
): Promise<boolean> {
  return hasRow(
    s.q,
    `DELETE FROM approach_links WHERE tenant_id = $1 AND approach_id = $2 AND ${LINK_TARGET[link.kind].column} = $3
     RETURNING approach_id`,
    [s.tenantId, approachId, link.id],
  );
}

const linkedCaseRow = z.object({ id: col.uuid, reference: col.text, status: z.enum(CASE_STATUSES) });
const linkedSignalRow = z.object({
  id: col.uuid,
  status: z.enum(SIGNAL_STATUSES),
  received_at: col.timestamp,
});
const linkedMeetingRow = z.object({
  id: col.uuid,
  title: col.text,
  starts_at: col.timestamp,
  status: z.enum(MEETING_STATUSES),
});

/**
 * What is tied to the approach, filtered in SQL with the access twin of each kind: only cases, signals
 * and meetings the viewer may open (one query per kind, never per row). No names: a case by its
 * reference and status, a signal by its status and arrival, a meeting by its title and time.
 */
export async function linksOf(s: TenantScope, v: Viewer, approachId: string): Promise<ApproachLinks> {
  const from = (kind: ApproachLinkKind, alias: string, p: Params) =>
    `FROM approach_links l JOIN ${LINK_TARGET[kind].table} ${alias}
       ON ${alias}.tenant_id = l.tenant_id AND ${alias}.id = l.${LINK_TARGET[kind].column}
     WHERE l.tenant_id = ${p.add(s.tenantId)} AND l.approach_id = ${p.add(approachId)}
       AND ${LINK_VISIBLE[kind](alias, v, p)}`;
  const pc = new Params();
  const cases = await rows(
    s.q,
    linkedCaseRow,
    `SELECT c.id, c.reference, c.status ${from('case', 'c', pc)} ORDER BY c.reference`,
    pc.values,
  );
  const ps = new Params();
  const signals = await rows(
    s.q,
    linkedSignalRow,
    `SELECT sg.id, sg.status, sg.created_at AS received_at ${from('signal', 'sg', ps)}
      ORDER BY sg.created_at DESC, sg.id`,
    ps.values,
  );
  const pm = new Params();
  const meetings = await rows(
    s.q,
    linkedMeetingRow,
    `SELECT m.id, m.title, m.starts_at, m.status ${from('meeting', 'm', pm)} ORDER BY m.starts_at DESC, m.id`,
    pm.values,
  );
  return {
    cases,
    signals: signals.map((r) => ({ id: r.id, status: r.status, receivedAt: r.received_at.toISOString() })),
    meetings: meetings.map((r) => ({
      id: r.id,
      title: r.title,
      startsAt: r.starts_at.toISOString(),
      status: r.status,
    })),
  };
}
