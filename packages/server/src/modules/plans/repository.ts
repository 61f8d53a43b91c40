import {
  type Assessment,
  type Evaluation,
  GOAL_STATUSES,
  type Goal,
  type GoalStatus,
  type LatestScore,
  LIFE_DOMAIN_GROUPS,
  type LifeDomain,
  type LinkedCase,
  type SubjectKind,
} from '@wijkregie/shared';
import { z } from 'zod';
import { caseIdVisibleSql } from '../../access/cases.js';
import { categoryAllowedSql, domainReadableSql } from '../../access/categories.js';
import { subjectIdVisibleSql } from '../../access/subjects.js';
import type { Viewer } from '../../access/viewer.js';
import { Params } from '../../db/params.js';
import { col, execute, insertedId, oneRow, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';
import { subjectLabelsByKind } from '../subjects/repository.js';

/**
 * The SQL of the plan of approach: life domains, assessments and their scores, goals, evaluations,
 * and the cases linked through a household. Which scores and goals a viewer gets is decided with
 * access/categories.ts (the domain's category in the matrix), in the statement that reads them.
 */

// Life domains ---------------------------------------------------------------------------------------

const lifeDomainRow = z.object({
  key: col.text,
  label: col.text,
  group: z.enum(LIFE_DOMAIN_GROUPS),
  category: col.text,
});

const DOMAIN_COLUMNS = 'key, label, domain_group AS "group", category';

export function listLifeDomains(s: TenantScope): Promise<LifeDomain[]> {
  return rows(
    s.q,
    lifeDomainRow,
    `SELECT ${DOMAIN_COLUMNS} FROM life_domains WHERE tenant_id = $1 ORDER BY position, key`,
    [s.tenantId],
  );
}

/** The new domain, or undefined when the key is taken. It goes last. */
export function insertLifeDomain(s: TenantScope, d: LifeDomain): Promise<LifeDomain | undefined> {
  return row(
    s.q,
    lifeDomainRow,
    `INSERT INTO life_domains (tenant_id, key, label, domain_group, category, position)
     VALUES ($1, $2, $3, $4, $5, (SELECT coalesce(max(position), 0) + 1 FROM life_domains WHERE tenant_id = $1))
     ON CONFLICT (tenant_id, key) DO NOTHING
     RETURNING ${DOMAIN_COLUMNS}`,
    [s.tenantId, d.key, d.label, d.group, d.category],
  );
}

/** The domain as it was, locked for the change; undefined when unknown. */
export function lockLifeDomain(s: TenantScope, key: string): Promise<LifeDomain | undefined> {
  return row(
    s.q,
    lifeDomainRow,
    `SELECT ${DOMAIN_COLUMNS} FROM life_domains WHERE tenant_id = $1 AND key = $2 FOR UPDATE`,
    [s.tenantId, key],
  );
}

export function updateLifeDomainRow(s: TenantScope, d: LifeDomain): Promise<LifeDomain> {
  return oneRow(
    s.q,
    lifeDomainRow,
    `UPDATE life_domains SET label = $3, domain_group = $4, category = $5
      WHERE tenant_id = $1 AND key = $2 RETURNING ${DOMAIN_COLUMNS}`,
    [s.tenantId, d.key, d.label, d.group, d.category],
  );
}

const domainAccessRow = z.object({
  key: col.text,
  category: col.text,
  readable: col.bool,
  writable: col.bool,
});
export type DomainAccess = z.infer<typeof domainAccessRow>;

/** The known domains among `keys`, each with its category and whether the viewer may read and write it. */
export async function domainAccess(
  s: TenantScope,
  v: Viewer,
  keys: readonly string[],
): Promise<Map<string, DomainAccess>> {
  if (keys.length === 0) return new Map();
  const p = new Params();
  const found = await rows(
    s.q,
    domainAccessRow,
    `SELECT ld.key, ld.category,
            ${categoryAllowedSql('ld.category', 'ld.tenant_id', v, p)} AS readable,
            ${categoryAllowedSql('ld.category', 'ld.tenant_id', v, p, 'write')} AS writable
       FROM life_domains ld
      WHERE ld.tenant_id = ${p.add(s.tenantId)} AND ld.key = ANY (${p.add([...new Set(keys)])}::text[])`,
    p.values,
  );
  return new Map(found.map((d) => [d.key, d]));
}

// Assessments ----------------------------------------------------------------------------------------

export async function insertAssessment(
  s: TenantScope,
  a: {
    personId: string;
    caseId: string;
    date: string;
    authorUserId: string;
    authorPartnerId: string;
    scores: { domain: string; score: number; note: string | null }[];
  },
): Promise<string> {
  const id = await insertedId(
    s.q,
    `INSERT INTO assessments (tenant_id, person_id, case_id, assessed_on, author_user_id, author_partner_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [s.tenantId, a.personId, a.caseId, a.date, a.authorUserId, a.authorPartnerId],
  );
  await execute(
    s.q,
    `INSERT INTO assessment_scores (tenant_id, assessment_id, domain, score, note)
     SELECT $1, $2, x.domain, x.score, x.note
       FROM jsonb_to_recordset($3::jsonb) AS x (domain text, score smallint, note text)`,
    [s.tenantId, id, JSON.stringify(a.scores)],
  );
  return id;
}

const scoreJson = z.object({ domain: z.string(), score: z.number(), note: z.string().nullable() });
const assessmentRow = z.object({
  id: col.uuid,
  person_id: col.uuid,
  case_id: col.uuid,
  date: col.date,
  author_user_id: col.uuid.nullable(),
  author_name: col.text.nullable(),
  created_at: col.timestamp,
  scores: z.array(scoreJson).nullable(),
});

/**
 * Assessments of a person as the viewer may read them, oldest first: of cases the viewer sees, each
 * with only the scores of domains the viewer may read (in domain order); an assessment with none of
 * those is left out. `ids`: only these (the one just written).
 */
export async function assessmentsOf(
  s: TenantScope,
  v: Viewer,
  personId: string,
  ids?: readonly string[],
): Promise<Assessment[]> {
  const p = new Params();
  const where = [
    `a.tenant_id = ${p.add(s.tenantId)}`,
    `a.person_id = ${p.add(personId)}`,
    caseIdVisibleSql('a.case_id', v, p),
  ];
  if (ids) where.push(`a.id = ANY (${p.add([...ids])}::uuid[])`);
  const found = await rows(
    s.q,
    assessmentRow,
    `SELECT a.id, a.person_id, a.case_id, a.assessed_on AS date, a.author_user_id, u.name AS author_name,
            a.created_at,
            (SELECT jsonb_agg(jsonb_build_object('domain', sc.domain, 'score', sc.score, 'note', sc.note)
                              ORDER BY ld.position, sc.domain)
               FROM assessment_scores sc
               JOIN life_domains ld ON ld.tenant_id = sc.tenant_id AND ld.key = sc.domain
              WHERE sc.tenant_id = a.tenant_id AND sc.assessment_id = a.id
                AND ${categoryAllowedSql('ld.category', 'ld.tenant_id', v, p)}) AS scores
       FROM assessments a
       LEFT JOIN users u ON u.tenant_id = a.tenant_id AND u.id = a.author_user_id
      WHERE ${where.join(' AND ')}
      ORDER BY a.assessed_on, a.created_at, a.id`,
    p.values,
  );
  return found
    .filter((r) => r.scores && r.scores.length > 0)
    .map((r) => ({
      id: r.id,
      personId: r.person_id,
      caseId: r.case_id,
      date: r.date,
      scores: r.scores ?? [],
      authorUserId: r.author_user_id,
      authorName: r.author_name,
      createdAt: r.created_at.toISOString(),
    }));
}

const latestRow = z.object({
  subject_id: col.uuid.nullable(),
  domain: col.text,
  score: col.int,
  date: col.date,
});

/**
 * The latest score per person × domain of these persons, from the assessments the viewer may read
 * (cases the viewer sees, domains whose category the viewer may read); the person's id only when
 * the viewer may open that person. In person order as given, then domain order.
 */
export async function latestScores(
  s: TenantScope,
  v: Viewer,
  personIds: readonly string[],
): Promise<LatestScore[]> {
  if (personIds.length === 0) return [];
  const p = new Params();
  const found = await rows(
    s.q,
    latestRow.extend({ person_id: col.uuid, position: col.int }),
    // The latest per person × domain first; whether the viewer may open the person once per person.
    `WITH latest AS (
       SELECT DISTINCT ON (a.person_id, sc.domain) a.tenant_id, a.person_id, sc.domain, sc.score,
              a.assessed_on AS date, ld.position
         FROM assessments a
         JOIN assessment_scores sc ON sc.tenant_id = a.tenant_id AND sc.assessment_id = a.id
         JOIN life_domains ld ON ld.tenant_id = sc.tenant_id AND ld.key = sc.domain
        WHERE a.tenant_id = ${p.add(s.tenantId)} AND a.person_id = ANY (${p.add([...new Set(personIds)])}::uuid[])
          AND ${caseIdVisibleSql('a.case_id', v, p)}
          AND ${categoryAllowedSql('ld.category', 'ld.tenant_id', v, p)}
        ORDER BY a.person_id, sc.domain, a.assessed_on DESC, a.created_at DESC),
     opened AS (
       SELECT x.person_id FROM (SELECT DISTINCT tenant_id, person_id FROM latest) x
        WHERE ${subjectIdVisibleSql('person', 'x.person_id', 'x.tenant_id', v, p)})
     SELECT l.person_id, l.domain, l.score, l.date, l.position,
            CASE WHEN o.person_id IS NOT NULL THEN l.person_id END AS subject_id
       FROM latest l LEFT JOIN opened o ON o.person_id = l.person_id`,
    p.values,
  );
  const order = new Map(personIds.map((id, i) => [id, i]));
  return found
    .sort(
      (a, b) =>
        (order.get(a.person_id) ?? 0) - (order.get(b.person_id) ?? 0) ||
        a.position - b.position ||
        a.domain.localeCompare(b.domain),
    )
    .map((r) => ({ subjectId: r.subject_id, domain: r.domain, score: r.score, date: r.date }));
}

// Goals ----------------------------------------------------------------------------------------------

const goalRow = z.object({
  id: col.uuid,
  case_id: col.uuid,
  domain: col.text,
  subject_id: col.uuid.nullable(),
  text: col.text,
  target_score: col.int.nullable(),
  due_date: col.date.nullable(),
  status: z.enum(GOAL_STATUSES),
  action_ids: col.textArray.nullable(),
  created_at: col.timestamp,
  updated_at: col.timestamp,
});

const toGoal = (r: z.infer<typeof goalRow>): Goal => ({
  id: r.id,
  caseId: r.case_id,
  domain: r.domain,
  subjectId: r.subject_id,
  text: r.text,
  targetScore: r.target_score,
  dueDate: r.due_date,
  status: r.status,
  actionIds: r.action_ids ?? [],
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** The goal's subject id when the viewer may open that subject, else null. */
function goalSubjectSql(v: Viewer, p: Params): string {
  const kinds: SubjectKind[] = ['person', 'household', 'group', 'location'];
  return `CASE WHEN ${kinds
    .map(
      (k) => `(g.subject_kind = '${k}' AND ${subjectIdVisibleSql(k, 'g.subject_id', 'g.tenant_id', v, p)})`,
    )
    .join(' OR ')} THEN g.subject_id END`;
}

/**
 * The goals of these cases (which the caller has checked the viewer sees) whose domain the viewer
 * may read, in case order as given, then domain order and age. `ids`: only these goals.
 */
export async function goalsOf(
  s: TenantScope,
  v: Viewer,
  caseIds: readonly string[],
  ids?: readonly string[],
): Promise<Goal[]> {
  if (caseIds.length === 0) return [];
  const p = new Params();
  const where = [
    `g.tenant_id = ${p.add(s.tenantId)}`,
    `g.case_id = ANY (${p.add([...new Set(caseIds)])}::uuid[])`,
    categoryAllowedSql('ld.category', 'ld.tenant_id', v, p),
  ];
  if (ids) where.push(`g.id = ANY (${p.add([...ids])}::uuid[])`);
  const found = await rows(
    s.q,
    goalRow.extend({ position: col.int }),
    `SELECT g.id, g.case_id, g.domain, g.text, g.target_score, g.due_date, g.status, g.created_at, g.updated_at,
            ld.position, ${goalSubjectSql(v, p)} AS subject_id,
            ARRAY(SELECT a.id FROM actions a WHERE a.tenant_id = g.tenant_id AND a.goal_id = g.id
                   ORDER BY a.created_at, a.id) AS action_ids
       FROM goals g JOIN life_domains ld ON ld.tenant_id = g.tenant_id AND ld.key = g.domain
      WHERE ${where.join(' AND ')}
      ORDER BY ld.position, g.created_at, g.id`,
    p.values,
  );
  const order = new Map(caseIds.map((id, i) => [id, i]));
  return found.sort((a, b) => (order.get(a.case_id) ?? 0) - (order.get(b.case_id) ?? 0)).map(toGoal);
}

/** One goal the viewer may read (its case checked by the caller), or undefined. */
export async function readableGoal(
  s: TenantScope,
  v: Viewer,
  caseId: string,
  goalId: string,
): Promise<Goal | undefined> {
  const [goal] = await goalsOf(s, v, [caseId], [goalId]);
  return goal;
}

const goalAccessRow = z.object({
  id: col.uuid,
  case_id: col.uuid,
  domain: col.text,
  category: col.text,
  status: z.enum(GOAL_STATUSES),
  readable: col.bool,
  writable: col.bool,
});
export type GoalAccess = z.infer<typeof goalAccessRow>;

/**
 * The goals among `ids`, each with its case, domain, category and whether the viewer may read and
 * write it; `lock` locks them for the change.
 */
export async function goalAccess(
  s: TenantScope,
  v: Viewer,
  ids: readonly string[],
  lock = false,
): Promise<Map<string, GoalAccess>> {
  if (ids.length === 0) return new Map();
  const p = new Params();
  const found = await rows(
    s.q,
    goalAccessRow,
    `SELECT g.id, g.case_id, g.domain, ld.category, g.status,
            ${categoryAllowedSql('ld.category', 'ld.tenant_id', v, p)} AS readable,
            ${categoryAllowedSql('ld.category', 'ld.tenant_id', v, p, 'write')} AS writable
       FROM goals g JOIN life_domains ld ON ld.tenant_id = g.tenant_id AND ld.key = g.domain
      WHERE g.tenant_id = ${p.add(s.tenantId)} AND g.id = ANY (${p.add([...new Set(ids)])}::uuid[])
      ${lock ? 'FOR UPDATE OF g' : ''}`,
    p.values,
  );
  return new Map(found.map((g) => [g.id, g]));
}

export async function insertGoal(
  s: TenantScope,
  g: {
    caseId: string;
    domain: string;
    subjectKind: SubjectKind;
    subjectId: string;
    text: string;
    targetScore: number | null;
    dueDate: string | null;
    createdBy: string;
  },
): Promise<string> {
  const id = await insertedId(
    s.q,
    `INSERT INTO goals (tenant_id, case_id, domain, subject_kind, subject_id, text, target_score, due_date,
                        created_by_user_id, updated_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
    [
      s.tenantId,
      g.caseId,
      g.domain,
      g.subjectKind,
      g.subjectId,
      g.text,
      g.targetScore,
      g.dueDate,
      g.createdBy,
    ],
  );
  return id;
}

/** Sets the given fields of a goal (an absent field stays), as changed by the user `by`. */
export async function updateGoalRow(
  s: TenantScope,
  id: string,
  by: string,
  u: {
    text?: string | undefined;
    targetScore?: number | null | undefined;
    dueDate?: string | null | undefined;
    status?: GoalStatus | undefined;
  },
): Promise<void> {
  const p = new Params();
  const sets = ['updated_at = clock_timestamp()', `updated_by_user_id = ${p.add(by)}`];
  if (u.text !== undefined) sets.push(`text = ${p.add(u.text)}`);
  if (u.targetScore !== undefined) sets.push(`target_score = ${p.add(u.targetScore)}`);
  if (u.dueDate !== undefined) sets.push(`due_date = ${p.add(u.dueDate)}`);
  if (u.status !== undefined) sets.push(`status = ${p.add(u.status)}`);
  await execute(
    s.q,
    `UPDATE goals SET ${sets.join(', ')} WHERE tenant_id = ${p.add(s.tenantId)} AND id = ${p.add(id)}`,
    p.values,
  );
}

const goalValuesRow = z.object({
  text: col.text,
  target_score: col.int.nullable(),
  due_date: col.date.nullable(),
  status: z.enum(GOAL_STATUSES),
});

/** A goal's own fields as stored (for the audit's before and after). */
export async function goalValues(
  s: TenantScope,
  id: string,
): Promise<{ text: string; targetScore: number | null; dueDate: string | null; status: GoalStatus }> {
  const r = await oneRow(
    s.q,
    goalValuesRow,
    'SELECT text, target_score, due_date, status FROM goals WHERE tenant_id = $1 AND id = $2',
    [s.tenantId, id],
  );
  return { text: r.text, targetScore: r.target_score, dueDate: r.due_date, status: r.status };
}

// Evaluations ----------------------------------------------------------------------------------------

export async function insertEvaluation(
  s: TenantScope,
  e: {
    caseId: string;
    date: string;
    text: string;
    authorUserId: string;
    authorPartnerId: string;
    goalStatuses: { goalId: string; status: GoalStatus }[];
  },
): Promise<string> {
  const id = await insertedId(
    s.q,
    `INSERT INTO evaluations (tenant_id, case_id, evaluated_on, text, author_user_id, author_partner_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [s.tenantId, e.caseId, e.date, e.text, e.authorUserId, e.authorPartnerId],
  );
  if (e.goalStatuses.length) {
    await execute(
      s.q,
      `INSERT INTO evaluation_goal_statuses (tenant_id, evaluation_id, goal_id, status)
       SELECT $1, $2, x."goalId", x.status FROM jsonb_to_recordset($3::jsonb) AS x ("goalId" uuid, status text)`,
      [s.tenantId, id, JSON.stringify(e.goalStatuses)],
    );
    await execute(
      s.q,
      `UPDATE goals g SET status = x.status, updated_at = clock_timestamp(), updated_by_user_id = $3
         FROM jsonb_to_recordset($2::jsonb) AS x ("goalId" uuid, status text)
        WHERE g.tenant_id = $1 AND g.id = x."goalId"`,
      [s.tenantId, JSON.stringify(e.goalStatuses), e.authorUserId],
    );
  }
  return id;
}

const evaluationRow = z.object({
  id: col.uuid,
  case_id: col.uuid,
  date: col.date,
  text: col.text,
  author_user_id: col.uuid.nullable(),
  author_name: col.text.nullable(),
  created_at: col.timestamp,
  goal_statuses: z.array(z.object({ goalId: z.string(), status: z.enum(GOAL_STATUSES) })).nullable(),
});

/**
 * The evaluations of a case (which the caller has checked the viewer sees), oldest first, each with
 * the goal statuses of goals whose domain the viewer may read. `ids`: only these.
 */
export async function evaluationsOf(
  s: TenantScope,
  v: Viewer,
  caseId: string,
  ids?: readonly string[],
): Promise<Evaluation[]> {
  const p = new Params();
  const where = [`e.tenant_id = ${p.add(s.tenantId)}`, `e.case_id = ${p.add(caseId)}`];
  if (ids) where.push(`e.id = ANY (${p.add([...ids])}::uuid[])`);
  const found = await rows(
    s.q,
    evaluationRow,
    `SELECT e.id, e.case_id, e.evaluated_on AS date, e.text, e.author_user_id, u.name AS author_name, e.created_at,
            (SELECT jsonb_agg(jsonb_build_object('goalId', gs.goal_id, 'status', gs.status)
                              ORDER BY g.created_at, g.id)
               FROM evaluation_goal_statuses gs
               JOIN goals g ON g.tenant_id = gs.tenant_id AND g.id = gs.goal_id
              WHERE gs.tenant_id = e.tenant_id AND gs.evaluation_id = e.id
                AND ${domainReadableSql('g.domain', 'g.tenant_id', v, p)}) AS goal_statuses
       FROM evaluations e
       LEFT JOIN users u ON u.tenant_id = e.tenant_id AND u.id = e.author_user_id
      WHERE ${where.join(' AND ')}
      ORDER BY e.evaluated_on, e.created_at, e.id`,
    p.values,
  );
  return found.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    date: r.date,
    text: r.text,
    goalStatuses: r.goal_statuses ?? [],
    authorUserId: r.author_user_id,
    authorName: r.author_name,
    createdAt: r.created_at.toISOString(),
  }));
}

// Cases linked through a household ------------------------------------------------------------------

const linkedRow = z.object({ id: col.uuid, reference: col.text, subject_id: col.uuid.nullable() });

/**
 * For a case with household subjects: the own cases (open or closed) of the household's members
 * (`member_of`) that the viewer sees, each with the member it is about (null when the viewer may not
 * open that person), oldest first.
 */
export async function memberCasesOf(s: TenantScope, v: Viewer, caseId: string): Promise<LinkedCase[]> {
  const p = new Params();
  const found = await rows(
    s.q,
    linkedRow.extend({ created_at: col.timestamp }),
    // One row per case: a member the viewer may open rather than one they may not.
    `SELECT DISTINCT ON (m.id) m.id, m.reference, m.created_at, m.subject_id
       FROM (SELECT c.id, c.reference, c.created_at, r.from_id,
                    CASE WHEN ${subjectIdVisibleSql('person', 'r.from_id', 'r.tenant_id', v, p)} THEN r.from_id END AS subject_id
       FROM case_subjects hs
       JOIN subject_relations r ON r.tenant_id = hs.tenant_id AND r.to_kind = 'household' AND r.to_id = hs.subject_id
        AND r.relation = 'member_of' AND r.from_kind = 'person'
       JOIN case_subjects ps ON ps.tenant_id = r.tenant_id AND ps.kind = 'person' AND ps.subject_id = r.from_id
       JOIN cases c ON c.tenant_id = ps.tenant_id AND c.id = ps.case_id
      WHERE hs.tenant_id = ${p.add(s.tenantId)} AND hs.case_id = ${p.add(caseId)} AND hs.kind = 'household'
        AND c.id <> hs.case_id AND ${caseIdVisibleSql('c.id', v, p)}) m
      ORDER BY m.id, m.subject_id IS NULL, m.from_id`,
    p.values,
  );
  return found
    .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id))
    .map((r) => ({ id: r.id, reference: r.reference, subjectId: r.subject_id }));
}

/**
 * For a case with person subjects: the cases the viewer sees of the households those persons are
 * members of, each with the household (null when the viewer may not open it), oldest first.
 */
export async function householdCasesOf(s: TenantScope, v: Viewer, caseId: string): Promise<LinkedCase[]> {
  const p = new Params();
  const found = await rows(
    s.q,
    linkedRow.extend({ created_at: col.timestamp }),
    `SELECT DISTINCT ON (c.id) c.id, c.reference, c.created_at,
            CASE WHEN ${subjectIdVisibleSql('household', 'hs.subject_id', 'hs.tenant_id', v, p)} THEN hs.subject_id END AS subject_id
       FROM case_subjects ps
       JOIN subject_relations r ON r.tenant_id = ps.tenant_id AND r.from_kind = 'person' AND r.from_id = ps.subject_id
        AND r.relation = 'member_of' AND r.to_kind = 'household'
       JOIN case_subjects hs ON hs.tenant_id = r.tenant_id AND hs.kind = 'household' AND hs.subject_id = r.to_id
       JOIN cases c ON c.tenant_id = hs.tenant_id AND c.id = hs.case_id
      WHERE ps.tenant_id = ${p.add(s.tenantId)} AND ps.case_id = ${p.add(caseId)} AND ps.kind = 'person'
        AND c.id <> ps.case_id AND ${caseIdVisibleSql('c.id', v, p)}
      ORDER BY c.id, hs.subject_id`,
    p.values,
  );
  return found
    .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id))
    .map((r) => ({ id: r.id, reference: r.reference, subjectId: r.subject_id }));
}

// Names for the PDF ----------------------------------------------------------------------------------

const nameRow = z.object({ id: col.uuid, name: col.text });

/**
 * The display names of these subjects (persons, households, groups, locations), by id. The caller
 * passes only ids the viewer may open (those a plan hands out).
 */
export async function subjectNames(s: TenantScope, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const all = [...new Set(ids)];
  return subjectLabelsByKind(s, { person: all, household: all, group: all, location: all });
}

/** A partner's name, or undefined when the tenant has no such partner. */
export async function partnerName(s: TenantScope, id: string): Promise<string | undefined> {
  const found = await row(s.q, nameRow, 'SELECT id, name FROM partners WHERE tenant_id = $1 AND id = $2', [
    s.tenantId,
    id,
  ]);
  return found?.name;
}

// The meeting agenda ---------------------------------------------------------------------------------

const agendaGoalRow = z.object({
  id: col.uuid,
  case_id: col.uuid,
  domain: col.text,
  text: col.text,
  target_score: col.int.nullable(),
  due_date: col.date.nullable(),
});

/**
 * The open goals of these cases (which the caller has checked the viewer sees) whose domain the
 * viewer may read, by case, in domain order: what a meeting's agenda shows per case.
 */
export async function openGoalsOf(
  s: TenantScope,
  v: Viewer,
  caseIds: readonly string[],
): Promise<
  Map<
    string,
    { id: string; domain: string; text: string; targetScore: number | null; dueDate: string | null }[]
  >
> {
  const out = new Map<
    string,
    { id: string; domain: string; text: string; targetScore: number | null; dueDate: string | null }[]
  >();
  if (caseIds.length === 0) return out;
  const p = new Params();
  const found = await rows(
    s.q,
    agendaGoalRow,
    `SELECT g.id, g.case_id, g.domain, g.text, g.target_score, g.due_date
       FROM goals g JOIN life_domains ld ON ld.tenant_id = g.tenant_id AND ld.key = g.domain
      WHERE g.tenant_id = ${p.add(s.tenantId)} AND g.case_id = ANY (${p.add([...new Set(caseIds)])}::uuid[])
        AND g.status = 'open' AND ${categoryAllowedSql('ld.category', 'ld.tenant_id', v, p)}
      ORDER BY ld.position, g.created_at, g.id`,
    p.values,
  );
  for (const r of found) {
    const list = out.get(r.case_id) ?? [];
    list.push({ id: r.id, domain: r.domain, text: r.text, targetScore: r.target_score, dueDate: r.due_date });
    out.set(r.case_id, list);
  }
  return out;
}
