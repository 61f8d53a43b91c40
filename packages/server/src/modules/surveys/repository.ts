import { SURVEY_STATUSES } from '@wijkregie/shared';
import { z } from 'zod';
import type { Queryable, Tx } from '../../db/db.js';
import { col, execute, hasRow, insertedId, oneRow, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

/**
 * The SQL of the neighbourhood survey (`surveys`, `survey_areas`, `survey_responses`, `survey_contacts`,
 * migration 026). The status follows from the database's clock: planned before `opens_at`, open until
 * `closes_at`, closed after.
 */

const STATUS = `CASE WHEN now() < sv.opens_at THEN 'planned' WHEN now() < sv.closes_at THEN 'open' ELSE 'closed' END`;

/** The buurten a survey covers: the buurten it names and those of the wijken it names. */
const SURVEY_BUURTEN = `SELECT b.id, b.name FROM areas b
   WHERE b.tenant_id = $1 AND b.kind = 'buurt'
     AND EXISTS (SELECT 1 FROM survey_areas sa
                  WHERE sa.tenant_id = b.tenant_id AND sa.survey_id = $2
                    AND (sa.area_id = b.id OR sa.area_id = b.parent_id))`;

export const surveyRow = z.object({
  id: col.uuid,
  public_code: col.text,
  title: col.text,
  opens_at: col.timestamp,
  closes_at: col.timestamp,
  published_at: col.timestamp.nullable(),
  created_at: col.timestamp,
  status: z.enum(SURVEY_STATUSES),
  area_ids: col.textArray,
  responses: col.int,
});
export type SurveyRow = z.output<typeof surveyRow>;

const SURVEY_COLUMNS = `sv.id, sv.public_code, sv.title, sv.opens_at, sv.closes_at, sv.published_at, sv.created_at,
  ${STATUS} AS status,
  ARRAY(SELECT sa.area_id::text FROM survey_areas sa
         WHERE sa.tenant_id = sv.tenant_id AND sa.survey_id = sv.id ORDER BY sa.area_id) AS area_ids,
  (SELECT count(*) FROM survey_responses r WHERE r.tenant_id = sv.tenant_id AND r.survey_id = sv.id) AS responses`;

export async function insertSurvey(
  s: TenantScope,
  v: { publicCode: string; title: string; opensAt: string; closesAt: string; areaIds: readonly string[] },
  userId: string,
): Promise<string> {
  const id = await insertedId(
    s.q,
    `INSERT INTO surveys (tenant_id, public_code, title, opens_at, closes_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [s.tenantId, v.publicCode, v.title, v.opensAt, v.closesAt, userId],
  );
  await execute(
    s.q,
    `INSERT INTO survey_areas (tenant_id, survey_id, area_id)
     SELECT $1, $2, a FROM unnest($3::uuid[]) AS a ON CONFLICT DO NOTHING`,
    [s.tenantId, id, [...new Set(v.areaIds)]],
  );
  return id;
}

/** How many of `ids` are areas (wijk or buurt) of the tenant. */
export async function countAreas(s: TenantScope, ids: readonly string[]): Promise<number> {
  const r = await oneRow(
    s.q,
    z.object({ n: col.int }),
    'SELECT count(*) AS n FROM areas WHERE tenant_id = $1 AND id = ANY ($2::uuid[])',
    [s.tenantId, [...new Set(ids)]],
  );
  return r.n;
}

export function surveyRows(s: TenantScope, id?: string): Promise<SurveyRow[]> {
  return rows(
    s.q,
    surveyRow,
    `SELECT ${SURVEY_COLUMNS} FROM surveys sv
      WHERE sv.tenant_id = $1 ${id ? 'AND sv.id = $2' : ''}
      ORDER BY sv.opens_at DESC, sv.created_at DESC, sv.id`,
    id ? [s.tenantId, id] : [s.tenantId],
  );
}

/** A survey by its public code, in any tenant (the code is unguessable). */
export function surveyByCode(q: Queryable, code: string) {
  return row(
    q,
    z.object({
      id: col.uuid,
      tenant_id: col.uuid,
      title: col.text,
      opens_at: col.timestamp,
      closes_at: col.timestamp,
      status: z.enum(SURVEY_STATUSES),
    }),
    `SELECT sv.id, sv.tenant_id, sv.title, sv.opens_at, sv.closes_at, ${STATUS} AS status
       FROM surveys sv WHERE sv.public_code = $1`,
    [code],
  );
}

/** The buurten the survey covers, by name. */
export function surveyBuurten(s: TenantScope, surveyId: string) {
  return rows(s.q, z.object({ id: col.uuid, name: col.text }), `${SURVEY_BUURTEN} ORDER BY b.name, b.id`, [
    s.tenantId,
    surveyId,
  ]);
}

/**
 * The buurt of a postal code, as the municipality knows it from located addresses (locations and
 * signals with a buurt): the buurt most of them lie in, or undefined.
 */
export async function buurtOfPostalCode(s: TenantScope, postalCode: string): Promise<string | undefined> {
  const found = await row(
    s.q,
    z.object({ area_id: col.uuid }),
    `SELECT x.area_id FROM (
        SELECT area_id FROM locations WHERE tenant_id = $1 AND postal_code = $2 AND area_id IS NOT NULL
        UNION ALL
        SELECT area_id FROM signals WHERE tenant_id = $1 AND postal_code = $2 AND area_id IS NOT NULL
      ) x JOIN areas a ON a.tenant_id = $1 AND a.id = x.area_id AND a.kind = 'buurt'
      GROUP BY x.area_id ORDER BY count(*) DESC, x.area_id LIMIT 1`,
    [s.tenantId, postalCode],
  );
  return found?.area_id;
}

/** A response: the buurt (or none), the answers and the day — nothing that leads to who gave it. */
export async function insertResponse(
  s: TenantScope,
  surveyId: string,
  buurtId: string | null,
  answers: Readonly<Record<string, string | number>>,
): Promise<void> {
  await execute(
    s.q,
    `INSERT INTO survey_responses (tenant_id, survey_id, buurt_id, answers, received_on)
     VALUES ($1, $2, $3, $4::jsonb, (now() AT TIME ZONE 'Europe/Amsterdam')::date)`,
    [s.tenantId, surveyId, buurtId, JSON.stringify(answers)],
  );
}

/** An email of who wants to help: no reference to the response, no time. */
export async function insertContact(s: TenantScope, surveyId: string, email: string): Promise<string> {
  const id = await insertedId(
    s.q,
    'INSERT INTO survey_contacts (tenant_id, survey_id, email) VALUES ($1, $2, $3) RETURNING id',
    [s.tenantId, surveyId, email],
  );
  return id;
}

export function contactsOf(s: TenantScope, surveyId: string) {
  return rows(
    s.q,
    z.object({ email: col.text }),
    'SELECT DISTINCT email FROM survey_contacts WHERE tenant_id = $1 AND survey_id = $2 ORDER BY email',
    [s.tenantId, surveyId],
  );
}

const responseRow = z.object({ survey_id: col.uuid, buurt_id: col.uuid.nullable(), answers: col.json });

/** The responses of the surveys, optionally only those of some buurten. */
export function responsesOf(s: TenantScope, surveyIds: readonly string[], buurtIds?: readonly string[]) {
  return rows(
    s.q,
    responseRow,
    `SELECT survey_id, buurt_id, answers FROM survey_responses
      WHERE tenant_id = $1 AND survey_id = ANY ($2::uuid[]) ${buurtIds ? 'AND buurt_id = ANY ($3::uuid[])' : ''}`,
    buurtIds ? [s.tenantId, surveyIds, buurtIds] : [s.tenantId, surveyIds],
  );
}

/**
 * For each buurt of the survey: the last other survey that covered it, closed before this one closes
 * (and is closed now) and has responses from it, with its title and closing time.
 */
export function previousSurveys(s: TenantScope, surveyId: string) {
  return rows(
    s.q,
    z.object({ buurt_id: col.uuid, id: col.uuid, title: col.text, closes_at: col.timestamp }),
    `SELECT DISTINCT ON (b.id) b.id AS buurt_id, p.id, p.title, p.closes_at
       FROM (${SURVEY_BUURTEN}) b
       JOIN areas ba ON ba.tenant_id = $1 AND ba.id = b.id
       JOIN surveys me ON me.tenant_id = $1 AND me.id = $2
       JOIN surveys p ON p.tenant_id = $1 AND p.id <> me.id AND p.closes_at < me.closes_at AND p.closes_at <= now()
      WHERE EXISTS (SELECT 1 FROM survey_areas pa WHERE pa.tenant_id = $1 AND pa.survey_id = p.id
                       AND (pa.area_id = ba.id OR pa.area_id = ba.parent_id))
        AND EXISTS (SELECT 1 FROM survey_responses pr
                     WHERE pr.tenant_id = $1 AND pr.survey_id = p.id AND pr.buurt_id = b.id)
      ORDER BY b.id, p.closes_at DESC, p.id`,
    [s.tenantId, surveyId],
  );
}

export function surveyExists(s: TenantScope, id: string): Promise<boolean> {
  return hasRow(s.q, 'SELECT 1 FROM surveys WHERE tenant_id = $1 AND id = $2', [s.tenantId, id]);
}

/**
 * The job's claim: surveys whose closing time has passed and whose results are not yet published,
 * marked published in the claim (so once, also on several instances). Over all tenants.
 */
export function claimSurveysToPublish(tx: Tx, limit: number) {
  return rows(
    tx,
    z.object({ id: col.uuid, tenant_id: col.uuid, closes_at: col.timestamp, published_at: col.timestamp }),
    `WITH due AS (
       SELECT tenant_id, id FROM surveys WHERE published_at IS NULL AND closes_at <= now()
        ORDER BY closes_at LIMIT $1 FOR UPDATE SKIP LOCKED)
     UPDATE surveys sv SET published_at = now() FROM due
      WHERE sv.tenant_id = due.tenant_id AND sv.id = due.id
     RETURNING sv.id, sv.tenant_id, sv.closes_at, sv.published_at`,
    [limit],
  );
}

/** The area ids a survey names (for the published event). */
export async function surveyAreaIds(s: TenantScope, surveyId: string): Promise<string[]> {
  const found = await rows(
    s.q,
    z.object({ area_id: col.uuid }),
    'SELECT area_id FROM survey_areas WHERE tenant_id = $1 AND survey_id = $2 ORDER BY area_id',
    [s.tenantId, surveyId],
  );
  return found.map((r) => r.area_id);
}

/**
 * The published surveys that cover any buurt of an area (the area itself when it is a buurt, its
 * buurten when it is a wijk), oldest first, with the responses from those buurten.
 */
export async function publishedSurveysOfArea(s: TenantScope, areaId: string) {
  const buurten = await rows(
    s.q,
    z.object({ id: col.uuid }),
    `SELECT id FROM areas WHERE tenant_id = $1 AND kind = 'buurt' AND (id = $2 OR parent_id = $2)`,
    [s.tenantId, areaId],
  );
  const ids = buurten.map((b) => b.id);
  if (!ids.length) return { surveys: [], responses: [] };
  const surveys = await rows(
    s.q,
    z.object({ id: col.uuid, closes_at: col.timestamp }),
    `SELECT sv.id, sv.closes_at FROM surveys sv
      WHERE sv.tenant_id = $1 AND sv.published_at IS NOT NULL
        AND EXISTS (SELECT 1 FROM survey_areas sa JOIN areas b ON b.tenant_id = sa.tenant_id
                     AND b.id = ANY ($2::uuid[]) AND (sa.area_id = b.id OR sa.area_id = b.parent_id)
                     WHERE sa.tenant_id = sv.tenant_id AND sa.survey_id = sv.id)
      ORDER BY sv.closes_at, sv.id`,
    [s.tenantId, ids],
  );
  const responses = surveys.length
    ? await responsesOf(
        s,
        surveys.map((x) => x.id),
        ids,
      )
    : [];
  return { surveys, responses };
}
