import {
  CASE_OUTCOMES,
  CASE_STATUSES,
  CASE_TYPES,
  type CaseFacts,
  type CaseResult,
  type CaseStatus,
  type CaseType,
  SUBJECT_KINDS,
  type SubjectRef,
} from '@wijkregie/shared';
import { z } from 'zod';
import { Params } from '../db/params.js';
import { col, row } from '../db/rows.js';
import type { TenantScope } from '../db/scope.js';
import { signalVisibleSql } from './signals.js';
import type { Viewer } from './viewer.js';

/**
 * A case as the server reads it: the facts `can` decides on, and what every use case that loads a
 * case needs next. It lives in the access room because the "visible case" loader (cases.ts) reads
 * it for every module that acts on a case (actions, alerts, meetings, signals, cases).
 */
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
  processingActivityId: string;
  createdAt: string;
  updatedAt: string;
  /** Persons involved: person subjects and members of household/group subjects. */
  personIds: string[];
}

export const caseRow = z.object({
  id: col.uuid,
  reference: col.text,
  type: z.enum(CASE_TYPES),
  title: col.text,
  status: z.enum(CASE_STATUSES),
  result: z.enum(CASE_OUTCOMES).nullable(),
  result_text: col.text.nullable(),
  director_user_id: col.uuid.nullable(),
  director_name: col.text.nullable(),
  area_id: col.uuid.nullable(),
  processing_activity_id: col.uuid,
  created_at: col.timestamp,
  updated_at: col.timestamp,
  partner_ids: col.textArray.nullable(),
  subjects: z.array(z.object({ kind: z.enum(SUBJECT_KINDS), id: col.uuid })).nullable(),
  person_ids: col.textArray.nullable(),
});
export type CaseRow = z.infer<typeof caseRow>;

/** The columns of `caseRow` for the case row `c` (without SELECT: paged lists put them in `selectPage`). */
export const CASE_COLUMNS = `
  c.id, c.reference, c.type, c.title, c.status, c.result, c.result_text, c.director_user_id, c.area_id, c.processing_activity_id, c.created_at, c.updated_at,
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

export const toCase = (r: CaseRow): CaseRecord => ({
  id: r.id,
  reference: r.reference,
  type: r.type,
  title: r.title,
  status: r.status,
  result: r.result ? { outcome: r.result, text: r.result_text } : null,
  subjects: r.subjects ?? [],
  partnerIds: r.partner_ids ?? [],
  directorUserId: r.director_user_id,
  directorName: r.director_name,
  areaId: r.area_id,
  processingActivityId: r.processing_activity_id,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  personIds: r.person_ids ?? [],
});

/** Display names of subjects by id; a subject whose row has no name has none. */
export type SubjectLabels = ReadonlyMap<string, string>;

/**
 * A case and what the same statement read along with it, from the same snapshot, for the next steps
 * of the use case that loaded it: the names of its subjects (so presenting the case costs no further
 * query) and the tenant's matrix version (so a partner's matrix row cached at that version is reused).
 */
export interface CaseRead {
  case: CaseRecord;
  /** The names of exactly this case's subjects. */
  subjectLabels: SubjectLabels;
  matrixVersion: number;
  /** Asked for with `signalsFor`: the case's signals that viewer may open, oldest first. */
  signalIds?: string[];
  /** Asked for with `along`: the value of that column, for the caller to check with its own shape. */
  along?: unknown;
}

/** What else a case read may bring along in the same statement. */
export interface CaseReadOptions {
  /** The signals attached to the case that this viewer may open (the case view links to them). */
  signalsFor?: Viewer;
  /**
   * One more column of the case row `c` (an expression; its parameters go into `p`), such as the page of
   * the journal the use case answers: the case and what is read of it cost one round trip together.
   */
  along?: (p: Params) => string;
}

const caseReadRow = caseRow.extend({
  labels: z.record(z.string(), z.string().nullable()).nullable(),
  matrix_version: col.int,
  signal_ids: col.textArray.nullable().optional(),
  along: z.unknown().optional(),
});

/** The statement of `readCase`; `$1` tenant, `$2` case id, `extra` more columns (with their parameters in `p`). */
const readCaseSql = (extra: string) => `SELECT ${CASE_COLUMNS},
    (SELECT jsonb_object_agg(cs.subject_id, coalesce(lp.first_name || ' ' || lp.last_name, lh.name, lg.name, ll.name))
       FROM case_subjects cs
       LEFT JOIN persons lp ON cs.kind = 'person' AND lp.tenant_id = cs.tenant_id AND lp.id = cs.subject_id
       LEFT JOIN households lh ON cs.kind = 'household' AND lh.tenant_id = cs.tenant_id AND lh.id = cs.subject_id
       LEFT JOIN groups lg ON cs.kind = 'group' AND lg.tenant_id = cs.tenant_id AND lg.id = cs.subject_id
       LEFT JOIN locations ll ON cs.kind = 'location' AND ll.tenant_id = cs.tenant_id AND ll.id = cs.subject_id
      WHERE cs.case_id = c.id) AS labels,
    coalesce((SELECT v.version FROM access_matrix_versions v WHERE v.tenant_id = c.tenant_id), 0) AS matrix_version${extra}
  FROM cases c WHERE c.tenant_id = $1 AND c.id = $2`;

/**
 * The case by id in the tenant, whoever asks (the caller decides with `can`), with what reading it
 * needs next in the same statement (see `CaseRead`), so that it costs no further round trips.
 */
export async function readCase(
  s: TenantScope,
  id: string,
  options: CaseReadOptions = {},
): Promise<CaseRead | undefined> {
  const p = new Params();
  p.add(s.tenantId);
  p.add(id);
  // The case view's signals ride along: one round trip less for every case opened.
  const extra = options.signalsFor
    ? `,
    ARRAY(SELECT sg.id FROM signals sg WHERE sg.tenant_id = c.tenant_id AND sg.case_id = c.id
            AND ${signalVisibleSql('sg', options.signalsFor, p)} ORDER BY sg.created_at, sg.id) AS signal_ids`
    : '';
  const along = options.along
    ? `,
    ${options.along(p)} AS along`
    : '';
  const found = await row(s.q, caseReadRow, readCaseSql(extra + along), p.values);
  if (!found) return undefined;
  const subjectLabels = new Map<string, string>();
  for (const [subjectId, label] of Object.entries(found.labels ?? {}))
    if (label !== null) subjectLabels.set(subjectId, label);
  const read: CaseRead = { case: toCase(found), subjectLabels, matrixVersion: found.matrix_version };
  if (options.signalsFor) read.signalIds = found.signal_ids ?? [];
  if (options.along) read.along = found.along;
  return read;
}

/** The case by id in the tenant, whoever asks: the caller decides with `can`. */
export async function findCase(s: TenantScope, id: string): Promise<CaseRecord | undefined> {
  return (await readCase(s, id))?.case;
}
