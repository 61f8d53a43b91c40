import type {
  CaseFacts,
  CaseResult,
  CaseStatus,
  CaseType,
  Entry,
  EntryKind,
  SubjectKind,
  SubjectRef,
} from '@wijkregie/shared';
import { Params, selectPage } from '../../db/params.js';
import type { TenantScope } from '../../db/scope.js';
import { meetingIdVisibleSql } from '../meetings/repository.js';
import { caseVisibleSql, subjectIdVisibleSql, type Viewer } from './visibility.js';

export interface CaseRecord extends CaseFacts {
  id: string;
  reference: string;
  type: CaseType;
  title: string;
  status: CaseStatus;
  result: CaseResult | null;
  subjects: SubjectRef[];
  partnerIds: string[];
  directorUserId: string | null;
  directorName: string | null;
  areaId: string | null;
  createdAt: string;
  updatedAt: string;
  /** Persons involved: person subjects and members of household/group subjects. */
  personIds: string[];
}

interface CaseRow {
  id: string;
  reference: string;
  type: CaseType;
  title: string;
  status: CaseStatus;
  result: CaseResult | null;
  director_user_id: string | null;
  director_name: string | null;
  area_id: string | null;
  created_at: Date;
  updated_at: Date;
  partner_ids: string[] | null;
  subjects: SubjectRef[] | null;
  person_ids: string[] | null;
}

const CASE_COLUMNS = `
  SELECT c.id, c.reference, c.type, c.title, c.status, c.result, c.director_user_id, c.area_id, c.created_at, c.updated_at,
    (SELECT u.name FROM users u WHERE u.tenant_id = c.tenant_id AND u.id = c.director_user_id) AS director_name,
    ARRAY(SELECT cp.partner_id FROM case_partners cp WHERE cp.case_id = c.id ORDER BY cp.added_at, cp.partner_id) AS partner_ids,
    (SELECT jsonb_agg(jsonb_build_object('kind', cs.kind, 'id', cs.subject_id) ORDER BY cs.position)
       FROM case_subjects cs WHERE cs.case_id = c.id) AS subjects,
    ARRAY(SELECT cs.subject_id FROM case_subjects cs WHERE cs.case_id = c.id AND cs.kind = 'person'
          UNION
          SELECT r.from_id FROM case_subjects cs JOIN subject_relations r
              ON r.tenant_id = cs.tenant_id AND r.to_kind = cs.kind AND r.to_id = cs.subject_id
             AND r.relation = 'member_of' AND r.from_kind = 'person'
           WHERE cs.case_id = c.id AND cs.kind IN ('household', 'group')) AS person_ids`;
const CASE_SELECT = `${CASE_COLUMNS}
  FROM cases c`;

const toCase = (r: CaseRow): CaseRecord => ({
  id: r.id,
  reference: r.reference,
  type: r.type,
  title: r.title,
  status: r.status,
  result: r.result,
  subjects: r.subjects ?? [],
  partnerIds: r.partner_ids ?? [],
  directorUserId: r.director_user_id,
  directorName: r.director_name,
  areaId: r.area_id,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  personIds: r.person_ids ?? [],
});

const FIND_CASE = `${CASE_COLUMNS},
    (SELECT jsonb_object_agg(cs.subject_id, coalesce(lp.first_name || ' ' || lp.last_name, lh.name, lg.name, ll.name))
       FROM case_subjects cs
       LEFT JOIN persons lp ON cs.kind = 'person' AND lp.tenant_id = cs.tenant_id AND lp.id = cs.subject_id
       LEFT JOIN households lh ON cs.kind = 'household' AND lh.tenant_id = cs.tenant_id AND lh.id = cs.subject_id
       LEFT JOIN groups lg ON cs.kind = 'group' AND lg.tenant_id = cs.tenant_id AND lg.id = cs.subject_id
       LEFT JOIN locations ll ON cs.kind = 'location' AND ll.tenant_id = cs.tenant_id AND ll.id = cs.subject_id
      WHERE cs.case_id = c.id) AS labels,
    coalesce((SELECT v.version FROM access_matrix_versions v WHERE v.tenant_id = c.tenant_id), 0) AS matrix_version
  FROM cases c WHERE c.tenant_id = $1 AND c.id = $2`;

/** Keys of `TenantScope.prefetched` that `findCase` fills. */
export const PREFETCHED_LABELS = 'subjectLabels';
export const PREFETCHED_MATRIX_VERSION = 'matrixVersion';
/** Subject names read along with a case: `subjectLabels` answers from it for those ids. */
export interface PrefetchedLabels {
  ids: ReadonlySet<string>;
  labels: ReadonlyMap<string, string>;
}

/**
 * The case by id in the tenant, whoever asks: the use case decides with `can`. The same statement
 * reads what reading a case needs next, so that it costs no further round trips: the names of its
 * subjects (for `subjectLabels`) and the tenant's matrix version (for `partnerAccess`), both kept
 * in the scope.
 */
export async function findCase(s: TenantScope, id: string): Promise<CaseRecord | undefined> {
  const [row] = await s.q.query<
    CaseRow & { labels: Record<string, string | null> | null; matrix_version: number }
  >(FIND_CASE, [s.tenantId, id]);
  if (!row) return undefined;
  const labels = new Map<string, string>();
  for (const [subjectId, label] of Object.entries(row.labels ?? {}))
    if (label !== null) labels.set(subjectId, label);
  const prefetched: PrefetchedLabels = { ids: new Set(Object.keys(row.labels ?? {})), labels };
  s.prefetched.set(PREFETCHED_LABELS, prefetched);
  s.prefetched.set(PREFETCHED_MATRIX_VERSION, Number(row.matrix_version));
  return toCase(row);
}

/** Locks the case row for the rest of the transaction (concurrent status changes queue up). */
export async function lockCase(s: TenantScope, id: string): Promise<void> {
  await s.q.query('SELECT 1 FROM cases WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [s.tenantId, id]);
}

export interface CaseFilter {
  type?: CaseType | undefined;
  status?: CaseStatus | undefined;
  areaId?: string | undefined;
  mine?: boolean | undefined;
  q?: string | undefined;
}

export async function listCases(
  s: TenantScope,
  v: Viewer,
  f: CaseFilter,
  page: { limit: number; offset: number },
): Promise<{ items: CaseRecord[]; total: number }> {
  const p = new Params();
  const where = [`c.tenant_id = ${p.add(s.tenantId)}`, caseVisibleSql('c', v, p)];
  if (f.type) where.push(`c.type = ${p.add(f.type)}`);
  if (f.status) where.push(`c.status = ${p.add(f.status)}`);
  if (f.mine) where.push(`c.director_user_id = ${p.add(v.userId)}`);
  if (f.areaId) {
    const a = p.add(f.areaId);
    where.push(
      `c.area_id IN (SELECT id FROM areas WHERE tenant_id = c.tenant_id AND (id = ${a} OR parent_id = ${a}))`,
    );
  }
  if (f.q) {
    const q = p.add(f.q);
    where.push(`(c.reference ILIKE '%' || ${q} || '%' OR c.title ILIKE '%' || ${q} || '%')`);
  }
  const cond = where.join(' AND ');
  const [{ n } = { n: 0 }] = await s.q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cases c WHERE ${cond}`,
    p.values,
  );
  const rows = await s.q.query<CaseRow>(
    `${CASE_SELECT} WHERE ${cond} ORDER BY c.updated_at DESC, c.id LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`,
    p.values,
  );
  return { items: rows.map(toCase), total: n };
}

export interface CaseSummary {
  id: string;
  reference: string;
  type: CaseType;
  title: string;
  status: CaseStatus;
}

/** The visible cases that have this subject. */
export async function casesOfSubject(
  s: TenantScope,
  v: Viewer,
  kind: SubjectKind,
  id: string,
): Promise<CaseSummary[]> {
  const p = new Params();
  return s.q.query<CaseSummary>(
    `SELECT c.id, c.reference, c.type, c.title, c.status FROM cases c
      JOIN case_subjects cs ON cs.case_id = c.id AND cs.kind = ${p.add(kind)} AND cs.subject_id = ${p.add(id)}
     WHERE c.tenant_id = ${p.add(s.tenantId)} AND ${caseVisibleSql('c', v, p)}
     ORDER BY c.created_at DESC`,
    p.values,
  );
}

/**
 * Person cases of the members of the household/group subjects of a case, as far as visible; the
 * member through whom only when the viewer may open that person.
 */
export async function memberCases(s: TenantScope, v: Viewer, caseId: string) {
  const p = new Params();
  const via = `CASE WHEN ${subjectIdVisibleSql('person', 'r.from_id', 'cs.tenant_id', v, p)} THEN r.from_id END`;
  return s.q.query<CaseSummary & { viaPersonId: string | null }>(
    `SELECT DISTINCT c.id, c.reference, c.type, c.title, c.status, ${via} AS "viaPersonId", c.created_at
       FROM case_subjects cs
       JOIN subject_relations r ON r.tenant_id = cs.tenant_id AND r.to_kind = cs.kind AND r.to_id = cs.subject_id
        AND r.relation = 'member_of' AND r.from_kind = 'person'
       JOIN case_subjects pcs ON pcs.tenant_id = cs.tenant_id AND pcs.kind = 'person' AND pcs.subject_id = r.from_id
       JOIN cases c ON c.id = pcs.case_id AND c.tenant_id = cs.tenant_id
      WHERE cs.tenant_id = ${p.add(s.tenantId)} AND cs.case_id = ${p.add(caseId)} AND cs.kind IN ('household', 'group')
        AND c.id <> cs.case_id AND ${caseVisibleSql('c', v, p)}
      ORDER BY c.created_at`,
    p.values,
  );
}

export async function nextReference(s: TenantScope, year: number): Promise<string> {
  const [row] = await s.q.query<{ last: number }>(
    `INSERT INTO case_counters (tenant_id, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (tenant_id, year) DO UPDATE SET last = case_counters.last + 1 RETURNING last`,
    [s.tenantId, year],
  );
  return `${year}-${String(row!.last).padStart(4, '0')}`;
}

export async function insertCase(
  s: TenantScope,
  c: {
    reference: string;
    type: CaseType;
    title: string;
    directorUserId: string | null;
    areaId: string | null;
    createdBy: string;
  },
): Promise<string> {
  const [row] = await s.q.query<{ id: string }>(
    `INSERT INTO cases (tenant_id, reference, type, title, status, director_user_id, area_id, created_by_user_id)
     VALUES ($1, $2, $3, $4, 'registered', $5, $6, $7) RETURNING id`,
    [s.tenantId, c.reference, c.type, c.title, c.directorUserId, c.areaId, c.createdBy],
  );
  return row!.id;
}

export async function insertCaseSubjects(
  s: TenantScope,
  caseId: string,
  subjects: readonly SubjectRef[],
): Promise<void> {
  if (subjects.length === 0) return;
  await s.q.query(
    `INSERT INTO case_subjects (tenant_id, case_id, kind, subject_id, position)
     SELECT $1, $2, x.kind, x.id, x.ord FROM jsonb_to_recordset($3::jsonb) AS x (kind text, id uuid, ord int)
     ON CONFLICT DO NOTHING`,
    [s.tenantId, caseId, JSON.stringify(subjects.map((x, i) => ({ kind: x.kind, id: x.id, ord: i })))],
  );
}

/** Makes the participating partners exactly `partnerIds`; returns the added ones. */
export async function setCasePartners(
  s: TenantScope,
  caseId: string,
  partnerIds: readonly string[],
): Promise<string[]> {
  const ids = [...new Set(partnerIds)];
  await s.q.query(
    'DELETE FROM case_partners WHERE tenant_id = $1 AND case_id = $2 AND NOT (partner_id = ANY($3::uuid[]))',
    [s.tenantId, caseId, ids],
  );
  const added = await s.q.query<{ partner_id: string }>(
    `INSERT INTO case_partners (tenant_id, case_id, partner_id)
     SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING RETURNING partner_id`,
    [s.tenantId, caseId, ids],
  );
  return added.map((r) => r.partner_id);
}

export async function updateCaseRow(
  s: TenantScope,
  id: string,
  u: { title?: string; status?: CaseStatus; result?: CaseResult | null; directorUserId?: string | null },
): Promise<void> {
  const p = new Params();
  const sets = ['updated_at = now()'];
  if (u.title !== undefined) sets.push(`title = ${p.add(u.title)}`);
  if (u.status !== undefined) sets.push(`status = ${p.add(u.status)}`);
  if (u.result !== undefined) sets.push(`result = ${p.add(u.result)}`);
  if (u.directorUserId !== undefined) sets.push(`director_user_id = ${p.add(u.directorUserId)}`);
  await s.q.query(
    `UPDATE cases SET ${sets.join(', ')} WHERE tenant_id = ${p.add(s.tenantId)} AND id = ${p.add(id)}`,
    p.values,
  );
}

export async function touchCase(s: TenantScope, id: string): Promise<void> {
  await s.q.query('UPDATE cases SET updated_at = now() WHERE tenant_id = $1 AND id = $2', [s.tenantId, id]);
}

export async function insertStatusHistory(
  s: TenantScope,
  h: { caseId: string; from: CaseStatus | null; to: CaseStatus; result: CaseResult | null; userId: string },
): Promise<void> {
  await s.q.query(
    `INSERT INTO case_status_history (tenant_id, case_id, from_status, to_status, result, user_id)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [s.tenantId, h.caseId, h.from, h.to, h.result, h.userId],
  );
}

export async function statusHistory(s: TenantScope, caseId: string) {
  return s.q.query<{
    from: CaseStatus | null;
    to: CaseStatus;
    result: CaseResult | null;
    userId: string;
    at: Date;
  }>(
    `SELECT from_status AS "from", to_status AS "to", result, user_id AS "userId", at
       FROM case_status_history WHERE tenant_id = $1 AND case_id = $2 ORDER BY at, id`,
    [s.tenantId, caseId],
  );
}

export async function activeUserExists(s: TenantScope, userId: string): Promise<boolean> {
  return (
    (await s.q.query('SELECT 1 FROM users WHERE tenant_id = $1 AND id = $2 AND active', [s.tenantId, userId]))
      .length > 0
  );
}

export async function areaExists(s: TenantScope, areaId: string): Promise<boolean> {
  return (
    (await s.q.query('SELECT 1 FROM areas WHERE tenant_id = $1 AND id = $2', [s.tenantId, areaId])).length > 0
  );
}

// Entries ----------------------------------------------------------------------------------------

interface EntryRow {
  id: string;
  case_id: string;
  category: string;
  text: string;
  author_user_id: string;
  author_name: string;
  partner_id: string;
  corrects_entry_id: string | null;
  kind: EntryKind;
  meeting_id: string | null;
  created_at: Date;
}
const toEntry = (r: EntryRow): Entry => ({
  id: r.id,
  caseId: r.case_id,
  category: r.category,
  text: r.text,
  authorUserId: r.author_user_id,
  authorName: r.author_name,
  partnerId: r.partner_id,
  correctsEntryId: r.corrects_entry_id,
  kind: r.kind,
  meetingId: r.meeting_id,
  createdAt: r.created_at.toISOString(),
});

export async function insertEntry(
  s: TenantScope,
  e: {
    caseId: string;
    category: string;
    text: string;
    authorUserId: string;
    partnerId: string;
    correctsEntryId: string | null;
    kind?: EntryKind;
    meetingId?: string | null;
  },
): Promise<Entry> {
  const [row] = await s.q.query<EntryRow>(
    `WITH ins AS (
       INSERT INTO entries (tenant_id, case_id, category, text, author_user_id, partner_id, corrects_entry_id, kind, meeting_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *)
     SELECT ins.*, u.name AS author_name FROM ins JOIN users u ON u.tenant_id = ins.tenant_id AND u.id = ins.author_user_id`,
    [
      s.tenantId,
      e.caseId,
      e.category,
      e.text,
      e.authorUserId,
      e.partnerId,
      e.correctsEntryId,
      e.kind ?? 'note',
      e.meetingId ?? null,
    ],
  );
  return toEntry(row!);
}

/** The category of an entry of this case, or undefined. */
export async function entryCategory(
  s: TenantScope,
  caseId: string,
  entryId: string,
): Promise<string | undefined> {
  const [row] = await s.q.query<{ category: string }>(
    'SELECT category FROM entries WHERE tenant_id = $1 AND case_id = $2 AND id = $3',
    [s.tenantId, caseId, entryId],
  );
  return row?.category;
}

/**
 * The journal as the viewer's partner may read it: the matrix is applied in SQL, so paging and the
 * total count only ever concern readable entries. The meeting of minutes only if the viewer may open it.
 */
export async function listEntries(
  s: TenantScope,
  caseId: string,
  v: Viewer,
  f: { category?: string | undefined; meetingId?: string | undefined },
  page: { limit: number; offset: number },
): Promise<{ items: Entry[]; total: number }> {
  const p = new Params();
  const where = [
    `e.tenant_id = ${p.add(s.tenantId)}`,
    `e.case_id = ${p.add(caseId)}`,
    `e.category IN (SELECT m.category FROM access_matrix m
       WHERE m.tenant_id = e.tenant_id AND m.partner_id = ${p.add(v.partnerId)} AND m.access IN ('read', 'write'))`,
  ];
  if (f.category) where.push(`e.category = ${p.add(f.category)}`);
  if (f.meetingId) where.push(`e.meeting_id = ${p.add(f.meetingId)}`);
  const { rows, total } = await selectPage<EntryRow>(
    s.q,
    p,
    {
      select: (
        sp,
      ) => `e.id, e.case_id, e.category, e.text, e.author_user_id, u.name AS author_name, e.partner_id,
               e.corrects_entry_id, e.kind, e.created_at,
               CASE WHEN ${meetingIdVisibleSql('e.meeting_id', v, sp)} THEN e.meeting_id END AS meeting_id`,
      fromWhere: `FROM entries e JOIN users u ON u.tenant_id = e.tenant_id AND u.id = e.author_user_id
                  WHERE ${where.join(' AND ')}`,
      order: 'e.created_at DESC, e.id',
    },
    page,
  );
  return { items: rows.map(toEntry), total };
}
