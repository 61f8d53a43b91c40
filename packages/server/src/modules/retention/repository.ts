import { ANONYMISED } from '@wijkregie/shared';
import { z } from 'zod';
import type { Queryable } from '../../db/db.js';
import { col, execute, oneRow, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

/**
 * The SQL of retention: what is due for anonymisation, and the anonymisation itself. Every statement is
 * bound to the scope's tenant. The claims lock what they return (SKIP LOCKED, so two instances share the
 * work) and skip what carries `anonymised_at`, so a second run finds nothing.
 */

/** SHA-256 of no bytes: the hash of an emptied attachment. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** When a closed case falls due: its closing time plus its activity's retention. */
const CASE_DUE = `coalesce(c.closed_at, c.updated_at) + make_interval(days => p.retention_days)`;
/** When a closed or dismissed signal without a case falls due (its last change closed it). */
const SIGNAL_DUE = `s.updated_at + make_interval(days => p.retention_days)`;

/**
 * When a person or household (`alias`) is due (`$1` the tenant): older than the register's shortest
 * retention (365 days without one), in no case that is not anonymised yet, and nothing of `rest` left.
 */
const subjectDue = (kind: 'person' | 'household', alias: string, rest: string) => `
  ${alias}.tenant_id = $1 AND ${alias}.anonymised_at IS NULL
  AND ${alias}.created_at < now() - make_interval(days => (
        SELECT coalesce(min(retention_days), 365) FROM processing_activities WHERE tenant_id = $1))
  AND NOT EXISTS (
        SELECT 1 FROM case_subjects cs JOIN cases c ON c.tenant_id = cs.tenant_id AND c.id = cs.case_id
         WHERE cs.tenant_id = $1 AND cs.kind = '${kind}' AND cs.subject_id = ${alias}.id
           AND c.anonymised_at IS NULL)
  ${rest}`;

/** Persons: also in no un-anonymised case through a household or group, signal, assessment or goal. */
const PERSON_DUE = subjectDue(
  'person',
  'p',
  `AND NOT EXISTS (
        SELECT 1 FROM subject_relations r
          JOIN case_subjects cs ON cs.tenant_id = r.tenant_id AND cs.kind = r.to_kind AND cs.subject_id = r.to_id
          JOIN cases c ON c.tenant_id = cs.tenant_id AND c.id = cs.case_id
         WHERE r.tenant_id = $1 AND r.from_kind = 'person' AND r.from_id = p.id AND r.relation = 'member_of'
           AND c.anonymised_at IS NULL)
  AND NOT EXISTS (
        SELECT 1 FROM signal_persons sp JOIN signals s ON s.tenant_id = sp.tenant_id AND s.id = sp.signal_id
         WHERE sp.tenant_id = $1 AND sp.person_id = p.id AND s.anonymised_at IS NULL)
  AND NOT EXISTS (
        SELECT 1 FROM assessments a JOIN cases c ON c.tenant_id = a.tenant_id AND c.id = a.case_id
         WHERE a.tenant_id = $1 AND a.person_id = p.id AND c.anonymised_at IS NULL)
  AND NOT EXISTS (
        SELECT 1 FROM goals g JOIN cases c ON c.tenant_id = g.tenant_id AND c.id = g.case_id
         WHERE g.tenant_id = $1 AND g.subject_kind = 'person' AND g.subject_id = p.id AND c.anonymised_at IS NULL)`,
);

/** Households: also no member left who is not anonymised (or none left at all). */
const HOUSEHOLD_DUE = subjectDue(
  'household',
  'h',
  `AND NOT EXISTS (
        SELECT 1 FROM subject_relations r JOIN persons m ON m.tenant_id = r.tenant_id AND m.id = r.from_id
         WHERE r.tenant_id = $1 AND r.from_kind = 'person' AND r.relation = 'member_of'
           AND r.to_kind = 'household' AND r.to_id = h.id AND m.anonymised_at IS NULL)`,
);

const dueRow = z.object({ id: col.uuid, processing_activity_id: col.uuid.nullable() });
export type DueRow = z.output<typeof dueRow>;

/** Turns on the one exception of the append-only tables for the rest of this transaction (migration 033). */
async function allowRetentionUpdates(q: Queryable): Promise<void> {
  await execute(q, `SELECT set_config('wijkregie.retention', 'on', true)`);
}

type Claim = (s: TenantScope, limit: number) => Promise<DueRow[]>;

/** Runs a claim: `sql` selects `id` and `processing_activity_id`, `$1` the tenant and `$2` the limit. */
function claim(s: TenantScope, limit: number, sql: string): Promise<DueRow[]> {
  return rows(s.q, dueRow, sql, [s.tenantId, limit]);
}

/**
 * Records of one table (cases, signals; as `alias` in `due`, their activity as `p`) that `due` finds past
 * their processing activity's retention, in the order they fell due, locked for this transaction.
 */
const claimDueRecords =
  (table: 'cases' | 'signals', alias: string, due: string, order: string): Claim =>
  (s, limit) =>
    claim(
      s,
      limit,
      `SELECT ${alias}.id, ${alias}.processing_activity_id
         FROM ${table} ${alias}
         JOIN processing_activities p
           ON p.tenant_id = ${alias}.tenant_id AND p.id = ${alias}.processing_activity_id
        WHERE ${alias}.tenant_id = $1 AND ${alias}.anonymised_at IS NULL AND ${due}
        ORDER BY ${order}, ${alias}.id
        LIMIT $2
          FOR UPDATE OF ${alias} SKIP LOCKED`,
    );

/** Closed cases past their activity's retention, oldest first. */
export const claimDueCases = claimDueRecords(
  'cases',
  'c',
  `c.status = 'closed' AND ${CASE_DUE} < now()`,
  'c.closed_at',
);

/** Signals that never became a case, closed or dismissed longer ago than their activity's retention. */
export const claimDueSignals = claimDueRecords(
  'signals',
  's',
  `s.case_id IS NULL AND s.status IN ('closed', 'dismissed') AND ${SIGNAL_DUE} < now()`,
  's.updated_at',
);

/**
 * Subjects of one table (as `alias` in `due`) with nothing left inside retention, oldest first, locked for
 * this transaction. They are under no activity of their own.
 */
const claimDueSubjects =
  (table: 'persons' | 'households', alias: string, due: string): Claim =>
  (s, limit) =>
    claim(
      s,
      limit,
      `SELECT ${alias}.id, NULL::uuid AS processing_activity_id FROM ${table} ${alias} WHERE ${due}
        ORDER BY ${alias}.created_at, ${alias}.id LIMIT $2 FOR UPDATE OF ${alias} SKIP LOCKED`,
    );

/** Persons with nothing left inside retention, locked for this transaction. */
export const claimDuePersons = claimDueSubjects('persons', 'p', PERSON_DUE);

/** Households with nothing left inside retention, locked for this transaction. */
export const claimDueHouseholds = claimDueSubjects('households', 'h', HOUSEHOLD_DUE);

/** Empties the personal texts of signals (their photos and visits' notes too) and marks them anonymised. */
async function anonymiseSignalRows(s: TenantScope, where: string, ids: readonly string[]): Promise<void> {
  const p = [s.tenantId, ids];
  await execute(
    s.q,
    `UPDATE visits v SET notes = NULL, next_step = NULL
       FROM signals s
      WHERE v.tenant_id = $1 AND s.tenant_id = $1 AND v.signal_id = s.id AND ${where}
        AND s.anonymised_at IS NULL AND (v.notes IS NOT NULL OR v.next_step IS NOT NULL)`,
    p,
  );
  await execute(
    s.q,
    `UPDATE signal_history h SET public_text = NULL
       FROM signals s
      WHERE h.tenant_id = $1 AND s.tenant_id = $1 AND h.signal_id = s.id AND ${where}
        AND s.anonymised_at IS NULL AND h.public_text IS NOT NULL`,
    p,
  );
  await execute(
    s.q,
    `UPDATE attachments a SET name = 'geanonimiseerd', content = '\\x'::bytea, size = 0, sha256 = '${EMPTY_SHA256}'
       FROM signals s
      WHERE a.tenant_id = $1 AND s.tenant_id = $1 AND a.signal_id = s.id AND ${where}
        AND s.anonymised_at IS NULL`,
    p,
  );
  await execute(
    s.q,
    `UPDATE signals s
        SET description = '${ANONYMISED}', street = NULL, house_number = NULL, postal_code = NULL, city = NULL,
            address_key = NULL, lat = round(lat::numeric, 3)::float8, lng = round(lng::numeric, 3)::float8,
            last_name = NULL, initials = NULL, birth_date = NULL, creditor_reference = NULL, contact = NULL,
            outcome = NULL, anonymised_at = now()
      WHERE s.tenant_id = $1 AND ${where} AND s.anonymised_at IS NULL`,
    p,
  );
}

/**
 * Anonymises cases: the title and closing text, the journal's texts and files, goals, evaluations,
 * actions, field notes attached to them, and the signals that became these cases. Reference, type, status, dates, result, area,
 * categories, the status history and every link stay.
 */
export async function anonymiseCases(s: TenantScope, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await allowRetentionUpdates(s.q);
  const p = [s.tenantId, ids];
  await execute(
    s.q,
    `UPDATE attachments a SET name = 'geanonimiseerd', content = '\\x'::bytea, size = 0, sha256 = '${EMPTY_SHA256}'
       FROM entries e
      WHERE a.tenant_id = $1 AND e.tenant_id = $1 AND a.entry_id = e.id AND e.case_id = ANY($2::uuid[])`,
    p,
  );
  await execute(s.q, `UPDATE entries SET text = '' WHERE tenant_id = $1 AND case_id = ANY($2::uuid[])`, p);
  await execute(s.q, `UPDATE goals SET text = '' WHERE tenant_id = $1 AND case_id = ANY($2::uuid[])`, p);
  await execute(
    s.q,
    `UPDATE evaluations SET text = '' WHERE tenant_id = $1 AND case_id = ANY($2::uuid[])`,
    p,
  );
  await execute(
    s.q,
    `UPDATE observations SET text = '', follow_up = NULL WHERE tenant_id = $1 AND case_id = ANY($2::uuid[])`,
    p,
  );
  await execute(
    s.q,
    `UPDATE actions SET title = '${ANONYMISED}', result = NULL WHERE tenant_id = $1 AND case_id = ANY($2::uuid[])`,
    p,
  );
  await anonymiseSignalRows(s, 's.case_id = ANY($2::uuid[])', ids);
  await execute(
    s.q,
    `UPDATE cases SET title = '${ANONYMISED}', result_text = NULL, anonymised_at = now()
      WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND anonymised_at IS NULL`,
    p,
  );
}

/** Anonymises signals that never became a case. */
export async function anonymiseSignals(s: TenantScope, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await allowRetentionUpdates(s.q);
  await anonymiseSignalRows(s, 's.id = ANY($2::uuid[])', ids);
}

/** Of the change history of these subjects only which fields changed stays: the old and new values held names. */
function forgetChangedValues(
  s: TenantScope,
  kind: 'person' | 'household',
  ids: readonly string[],
): Promise<void> {
  return execute(
    s.q,
    `UPDATE subject_changes
        SET changes = (SELECT coalesce(jsonb_agg(jsonb_build_object('field', e -> 'field')), '[]'::jsonb)
                         FROM jsonb_array_elements(changes) e)
      WHERE tenant_id = $1 AND kind = $2 AND subject_id = ANY($3::uuid[])`,
    [s.tenantId, kind, ids],
  );
}

/**
 * Anonymises persons: name, BSN, birth date and address go; of their change history only which fields
 * changed stays (the old and new values held names).
 */
export async function anonymisePersons(s: TenantScope, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await allowRetentionUpdates(s.q);
  const p = [s.tenantId, ids];
  await forgetChangedValues(s, 'person', ids);
  await execute(
    s.q,
    `UPDATE persons SET first_name = '${ANONYMISED}', last_name = '', birth_date = NULL, bsn = NULL, street = NULL,
            house_number = NULL, postal_code = NULL, city = NULL, anonymised_at = now()
      WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND anonymised_at IS NULL`,
    p,
  );
}

/** Anonymises households: the name (a family name) and the address. */
export async function anonymiseHouseholds(s: TenantScope, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await allowRetentionUpdates(s.q);
  const p = [s.tenantId, ids];
  await forgetChangedValues(s, 'household', ids);
  await execute(
    s.q,
    `UPDATE households SET name = '${ANONYMISED}', street = NULL, house_number = NULL, postal_code = NULL,
            city = NULL, anonymised_at = now()
      WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND anonymised_at IS NULL`,
    p,
  );
}

const activityStatusRow = z.object({
  id: col.uuid,
  name: col.text,
  retention_days: col.int,
  closed_cases: col.int,
  due_cases: col.int,
  next_case_due_at: col.timestamp.nullable(),
  due_signals: col.int,
  next_signal_due_at: col.timestamp.nullable(),
});

/** Per activity of the register: closed cases, how many are due and when the next falls due; the same of signals. */
export function retentionByActivity(s: TenantScope): Promise<z.output<typeof activityStatusRow>[]> {
  return rows(
    s.q,
    activityStatusRow,
    `SELECT p.id, p.name, p.retention_days, cs.closed_cases, cs.due_cases, cs.next_case_due_at,
            ss.due_signals, ss.next_signal_due_at
       FROM processing_activities p
       CROSS JOIN LATERAL (
         SELECT count(*) AS closed_cases, count(*) FILTER (WHERE due < now()) AS due_cases,
                min(due) FILTER (WHERE due >= now()) AS next_case_due_at
           FROM (SELECT ${CASE_DUE} AS due FROM cases c
                  WHERE c.tenant_id = p.tenant_id AND c.processing_activity_id = p.id
                    AND c.status = 'closed' AND c.anonymised_at IS NULL) x) cs
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE due < now()) AS due_signals,
                min(due) FILTER (WHERE due >= now()) AS next_signal_due_at
           FROM (SELECT ${SIGNAL_DUE} AS due FROM signals s
                  WHERE s.tenant_id = p.tenant_id AND s.processing_activity_id = p.id AND s.case_id IS NULL
                    AND s.status IN ('closed', 'dismissed') AND s.anonymised_at IS NULL) y) ss
      WHERE p.tenant_id = $1
      ORDER BY p.position, p.created_at, p.id`,
    [s.tenantId],
  );
}

const totalsRow = z.object({ due_persons: col.int, cases: col.int, persons: col.int, signals: col.int });

/** How many persons are due now, and how many cases, persons and signals are anonymised so far. */
export function retentionTotals(s: TenantScope): Promise<z.output<typeof totalsRow>> {
  return oneRow(
    s.q,
    totalsRow,
    `SELECT (SELECT count(*) FROM persons p WHERE ${PERSON_DUE}) AS due_persons,
            (SELECT count(*) FROM cases WHERE tenant_id = $1 AND anonymised_at IS NOT NULL) AS cases,
            (SELECT count(*) FROM persons WHERE tenant_id = $1 AND anonymised_at IS NOT NULL) AS persons,
            (SELECT count(*) FROM signals WHERE tenant_id = $1 AND anonymised_at IS NOT NULL) AS signals`,
    [s.tenantId],
  );
}

/** Every municipality (the scheduled job runs for each). */
export async function allTenantIds(q: Queryable): Promise<string[]> {
  return (await rows(q, z.object({ id: col.uuid }), 'SELECT id FROM tenants ORDER BY id')).map((r) => r.id);
}
