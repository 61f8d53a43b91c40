import {
  CASE_STATUSES,
  CASE_TYPES,
  type CaseResult,
  type CaseSortField,
  type CaseStatus,
  type CaseType,
  type Collection,
  type Sorting,
  type SubjectRef,
} from '@wijkregie/shared';
import { z } from 'zod';
import { CASE_COLUMNS, type CaseRecord, caseRow, toCase } from '../../access/case-record.js';
import { caseVisibleAsSql, caseVisibleSql, visibleCaseCount } from '../../access/cases.js';
import { subjectIdVisibleSql } from '../../access/subjects.js';
import type { Viewer } from '../../access/viewer.js';
import { orderOf } from '../../db/order.js';
import { type PageRequest, Params, selectPage } from '../../db/params.js';
import { col, execute, hasRow, insertedId, oneRow, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';
import { Changes, updateById } from '../../db/update.js';

/**
 * The SQL of cases: the case rows, their partners, subjects and status history. A case is read
 * with `readCase`/`findCase` of the access room (access/case-record.ts), which holds its row shape;
 * the journal lives in entry-repository.ts.
 */

/** Locks the case row for the rest of the transaction (concurrent status changes queue up). */
export async function lockCase(s: TenantScope, id: string): Promise<void> {
  await execute(s.q, 'SELECT 1 FROM cases WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [s.tenantId, id]);
}

export interface CaseFilter {
  type?: CaseType | undefined;
  status?: CaseStatus | undefined;
  areaId?: string | undefined;
  mine?: boolean | undefined;
  q?: string | undefined;
}

/** The columns a case list may be sorted on (nothing else of a request reaches ORDER BY). */
const CASE_SORT: Record<CaseSortField, string> = {
  reference: 'c.reference',
  title: 'lower(c.title)',
  type: 'c.type',
  status: 'c.status',
  updatedAt: 'c.updated_at',
};

/**
 * Below this many visible cases a professional's page is chosen from their cases (`set`); above it by
 * walking the tenant's cases in the list's order and checking each (`probe`), which then passes at most
 * (offset + limit) · cases / SPARSE rows. Both cost a few thousand index reads at worst.
 */
const SPARSE = 2_000;

/**
 * One page of the cases the viewer sees that pass the filter, most recently changed first (or as sorted).
 * Without a filter the total is counted on the partner's own index first (`visibleCaseCount`) and decides
 * how the page is found; with one, count and page are one statement and PostgreSQL chooses.
 */
export async function casesPage(
  s: TenantScope,
  v: Viewer,
  f: CaseFilter,
  page: PageRequest,
  by?: Sorting<CaseSortField>,
): Promise<Collection<CaseRecord>> {
  const unfiltered = !f.type && !f.status && !f.areaId && !f.q && !f.mine;
  const counted = unfiltered ? await visibleCaseCount(s, v) : undefined;
  const walked = counted !== undefined && counted > SPARSE && (by?.sort ?? 'updatedAt') === 'updatedAt';
  const p = new Params();
  const where = [`c.tenant_id = ${p.add(s.tenantId)}`];
  // The cases one directs are all visible to them.
  if (f.mine) where.push(`c.director_user_id = ${p.add(v.userId)}`);
  else where.push(caseVisibleAsSql(walked ? 'probe' : 'set', 'c', v, p));
  if (f.type) where.push(`c.type = ${p.add(f.type)}`);
  if (f.status) where.push(`c.status = ${p.add(f.status)}`);
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
  const { rows: found, total } = await selectPage(
    s.q,
    caseRow,
    p,
    {
      select: CASE_COLUMNS,
      fromWhere: `FROM cases c WHERE ${where.join(' AND ')}`,
      order: orderOf(by, CASE_SORT, 'c.updated_at DESC, c.id'),
      pageFirst: 'c',
      counted,
    },
    page,
  );
  return { items: found.map(toCase), total };
}

const memberCaseRow = z.object({
  id: col.uuid,
  reference: col.text,
  type: z.enum(CASE_TYPES),
  title: col.text,
  status: z.enum(CASE_STATUSES),
  viaPersonId: col.uuid.nullable(),
});
export type MemberCase = z.infer<typeof memberCaseRow>;

/**
 * Person cases of the members of the household/group subjects of a case, as far as visible; the
 * member through whom only when the viewer may open that person.
 */
export async function memberCases(s: TenantScope, v: Viewer, caseId: string): Promise<MemberCase[]> {
  const p = new Params();
  const via = `CASE WHEN ${subjectIdVisibleSql('person', 'r.from_id', 'cs.tenant_id', v, p)} THEN r.from_id END`;
  return rows(
    s.q,
    memberCaseRow,
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

const lastRow = z.object({ last: col.int });

/** The next case reference of the year, `YYYY-NNNN`: a counter per tenant and year. */
export async function nextReference(s: TenantScope, year: number): Promise<string> {
  const { last } = await oneRow(
    s.q,
    lastRow,
    `INSERT INTO case_counters (tenant_id, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (tenant_id, year) DO UPDATE SET last = case_counters.last + 1 RETURNING last`,
    [s.tenantId, year],
  );
  return `${year}-${String(last).padStart(4, '0')}`;
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
  return insertedId(
    s.q,
    `INSERT INTO cases (tenant_id, reference, type, title, status, director_user_id, area_id, created_by_user_id)
     VALUES ($1, $2, $3, $4, 'registered', $5, $6, $7) RETURNING id`,
    [s.tenantId, c.reference, c.type, c.title, c.directorUserId, c.areaId, c.createdBy],
  );
}

export async function insertCaseSubjects(
  s: TenantScope,
  caseId: string,
  subjects: readonly SubjectRef[],
): Promise<void> {
  if (subjects.length === 0) return;
  await execute(
    s.q,
    `INSERT INTO case_subjects (tenant_id, case_id, kind, subject_id, position)
     SELECT $1, $2, x.kind, x.id, x.ord FROM jsonb_to_recordset($3::jsonb) AS x (kind text, id uuid, ord int)
     ON CONFLICT DO NOTHING`,
    [s.tenantId, caseId, JSON.stringify(subjects.map((x, i) => ({ kind: x.kind, id: x.id, ord: i })))],
  );
}

const partnerIdRow = z.object({ partner_id: col.uuid });

/** Makes the participating partners exactly `partnerIds`; returns the added ones. */
export async function setCasePartners(
  s: TenantScope,
  caseId: string,
  partnerIds: readonly string[],
): Promise<string[]> {
  const ids = [...new Set(partnerIds)];
  await execute(
    s.q,
    'DELETE FROM case_partners WHERE tenant_id = $1 AND case_id = $2 AND NOT (partner_id = ANY($3::uuid[]))',
    [s.tenantId, caseId, ids],
  );
  const added = await rows(
    s.q,
    partnerIdRow,
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
  const c = new Changes('updated_at = now()').set('title', u.title).set('status', u.status);
  if (u.result !== undefined) {
    c.set('result', u.result?.outcome ?? null).set('result_text', u.result?.text ?? null);
  }
  if (u.status !== undefined) c.also(u.status === 'closed' ? 'closed_at = now()' : 'closed_at = NULL');
  await updateById(s, 'cases', id, c.set('director_user_id', u.directorUserId));
}

/** Marks the case as changed now (a journal entry, an action or a partner counts as a change). */
export async function touchCase(s: TenantScope, id: string): Promise<void> {
  await execute(s.q, 'UPDATE cases SET updated_at = now() WHERE tenant_id = $1 AND id = $2', [
    s.tenantId,
    id,
  ]);
}

export async function insertStatusHistory(
  s: TenantScope,
  h: { caseId: string; from: CaseStatus | null; to: CaseStatus; result: CaseResult | null; userId: string },
): Promise<void> {
  await execute(
    s.q,
    `INSERT INTO case_status_history (tenant_id, case_id, from_status, to_status, result, user_id)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [s.tenantId, h.caseId, h.from, h.to, h.result?.outcome ?? null, h.userId],
  );
}

/**
 * True when the user exists in the tenant and may still work: the user is active and so is their
 * partner (a deactivated organisation's users cannot log in, so they are not chosen for new work).
 */
export async function activeUserExists(s: TenantScope, userId: string): Promise<boolean> {
  return hasRow(
    s.q,
    `SELECT 1 FROM users u JOIN partners p ON p.tenant_id = u.tenant_id AND p.id = u.partner_id
      WHERE u.tenant_id = $1 AND u.id = $2 AND u.active AND p.active`,
    [s.tenantId, userId],
  );
}

export async function areaExists(s: TenantScope, areaId: string): Promise<boolean> {
  return hasRow(s.q, 'SELECT 1 FROM areas WHERE tenant_id = $1 AND id = $2', [s.tenantId, areaId]);
}
