import {
  type EndedRelation,
  type Relation,
  SUBJECT_FIELDS,
  type SubjectChange,
  type SubjectRef,
  subjectValueSchema,
} from '@wijkregie/shared';
import { z } from 'zod';
import type { Viewer } from '../../access/viewer.js';
import { Params } from '../../db/params.js';
import { col, execute, hasRow, oneRow, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';
import { relationRow, toRelation, touchesSubjectSql } from './repository.js';

/** Whether the organisation may write `basis` (names, birth dates, addresses) in the matrix. */
export async function writesBasis(s: TenantScope, partnerId: string): Promise<boolean> {
  const found = await row(
    s.q,
    z.object({ access: col.text }),
    `SELECT access FROM access_matrix WHERE tenant_id = $1 AND partner_id = $2 AND category = 'basis'`,
    [s.tenantId, partnerId],
  );
  return found?.access === 'write';
}

// The history of a subject's own fields --------------------------------------------------------------

type Changes = SubjectChange['changes'];

/**
 * Records a change with the changer's name and organisation copied as they are now, so the history
 * keeps saying who it was even after the user is renamed or leaves.
 */
export async function recordChange(
  s: TenantScope,
  ref: SubjectRef,
  userId: string,
  changes: Changes,
): Promise<void> {
  await execute(
    s.q,
    `INSERT INTO subject_changes (tenant_id, kind, subject_id, user_id, user_name, partner_name, changes)
     SELECT u.tenant_id, $2, $3, u.id, u.name, pa.name, $5::jsonb
       FROM users u JOIN partners pa ON pa.tenant_id = u.tenant_id AND pa.id = u.partner_id
      WHERE u.tenant_id = $1 AND u.id = $4`,
    [s.tenantId, ref.kind, ref.id, userId, JSON.stringify(changes)],
  );
}

const changeRow = z.object({
  changed_at: col.timestamp,
  user_name: col.text,
  partner_name: col.text,
  changes: z.array(
    z.object({ field: z.enum(SUBJECT_FIELDS), from: subjectValueSchema, to: subjectValueSchema }),
  ),
});

/** The subject's changes, newest first. */
export async function changesOf(s: TenantScope, ref: SubjectRef): Promise<SubjectChange[]> {
  const found = await rows(
    s.q,
    changeRow,
    `SELECT changed_at, user_name, partner_name, changes FROM subject_changes
      WHERE tenant_id = $1 AND kind = $2 AND subject_id = $3
      ORDER BY changed_at DESC, id DESC`,
    [s.tenantId, ref.kind, ref.id],
  );
  return found.map((r) => ({
    at: r.changed_at.toISOString(),
    by: r.user_name,
    organisation: r.partner_name,
    changes: r.changes,
  }));
}

// Ending relations -----------------------------------------------------------------------------------

/** A relation that holds now, locked for ending it in this transaction. */
export async function lockRelation(s: TenantScope, id: string): Promise<Relation | undefined> {
  const found = await row(
    s.q,
    relationRow,
    `SELECT id, from_kind, from_id, relation, to_kind, to_id FROM subject_relations
      WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
    [s.tenantId, id],
  );
  return found ? toRelation(found) : undefined;
}

const endedRow = relationRow.extend({ ended_on: col.date, ended_by_name: col.text });
const toEnded = (r: z.infer<typeof endedRow>): EndedRelation => ({
  ...toRelation(r),
  endedOn: r.ended_on,
  endedBy: r.ended_by_name,
});

/**
 * Moves the relation from `subject_relations` (what holds now) to `ended_subject_relations`, with the
 * day it ended and who ended it (their name as it is now), keeping its id.
 */
export async function moveToEnded(
  s: TenantScope,
  id: string,
  endedOn: string,
  userId: string,
): Promise<EndedRelation> {
  const ended = await oneRow(
    s.q,
    endedRow,
    `WITH moved AS (DELETE FROM subject_relations WHERE tenant_id = $1 AND id = $2 RETURNING *)
     INSERT INTO ended_subject_relations (id, tenant_id, from_kind, from_id, relation, to_kind, to_id,
                                          created_by_user_id, created_at, ended_on, ended_by_user_id, ended_by_name)
     SELECT m.id, m.tenant_id, m.from_kind, m.from_id, m.relation, m.to_kind, m.to_id,
            m.created_by_user_id, m.created_at, $3, u.id, u.name
       FROM moved m JOIN users u ON u.tenant_id = m.tenant_id AND u.id = $4
     RETURNING id, from_kind, from_id, relation, to_kind, to_id, ended_on, ended_by_name`,
    [s.tenantId, id, endedOn, userId],
  );
  return toEnded(ended);
}

/** Clears a household's contact person when it is this person (whose membership just ended). */
export async function dropContactPerson(
  s: TenantScope,
  householdId: string,
  personId: string,
): Promise<boolean> {
  return hasRow(
    s.q,
    `UPDATE households SET contact_person_id = NULL
      WHERE tenant_id = $1 AND id = $2 AND contact_person_id = $3 RETURNING id`,
    [s.tenantId, householdId, personId],
  );
}

/** Ended relations that touch the subject, whose other end the viewer may open; latest ending first. */
export async function endedRelationsOf(s: TenantScope, ref: SubjectRef, v: Viewer): Promise<EndedRelation[]> {
  const p = new Params();
  const found = await rows(
    s.q,
    endedRow,
    `SELECT r.id, r.from_kind, r.from_id, r.relation, r.to_kind, r.to_id, r.ended_on, r.ended_by_name
       FROM ended_subject_relations r
      WHERE r.tenant_id = ${p.add(s.tenantId)} AND ${touchesSubjectSql(ref, v, p)}
      ORDER BY r.ended_on DESC, r.ended_at DESC, r.id`,
    p.values,
  );
  return found.map(toEnded);
}
