import { type CreditorType, PARTNER_KINDS, type PartnerKind } from '@wijkregie/shared';
import { z } from 'zod';
import type { Queryable } from '../../db/db.js';
import { col, execute, idRow, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';
import { BUNDLE_DAYS, refDate } from './matching-repository.js';

/** The SQL of the creditor import: the batch INSERT and what it needs (its runs: imports/run-repository.ts). */

export async function partnerKind(s: TenantScope, partnerId: string): Promise<PartnerKind | undefined> {
  const found = await row(
    s.q,
    z.object({ kind: z.enum(PARTNER_KINDS) }),
    'SELECT kind FROM partners WHERE tenant_id = $1 AND id = $2',
    [s.tenantId, partnerId],
  );
  return found?.kind;
}

export interface CategoryDeadline {
  key: string;
  days: number;
  working: boolean;
}

/** The tenant's signal categories (with their first-contact deadlines) of the given keys. */
export async function categoryDeadlines(
  s: TenantScope,
  keys: string[],
): Promise<Map<string, CategoryDeadline>> {
  const found = await rows(
    s.q,
    z.object({ key: col.text, deadline_days: col.int, deadline_working: col.bool }),
    'SELECT key, deadline_days, deadline_working FROM signal_categories WHERE tenant_id = $1 AND key = ANY ($2::text[])',
    [s.tenantId, keys],
  );
  return new Map(
    found.map((r) => [r.key, { key: r.key, days: r.deadline_days, working: r.deadline_working }]),
  );
}

/** One valid row of the file, as the batch INSERT reads it (jsonb_to_recordset). */
export interface CreditorSignalRow {
  ord: number;
  category: string;
  description: string;
  occurred_at: string;
  street: string | null;
  house_number: string;
  postal_code: string;
  city: string | null;
  first_contact_due: string;
  creditor_type: CreditorType;
  creditor_name: string;
  creditor_reference: string;
  signal_date: string;
  last_name: string;
  initials: string | null;
  birth_date: string | null;
  arrears_amount: string;
  arrears_since: string | null;
  end_of_supply: boolean;
}

/**
 * Inserts a batch in file order; a creditor name + reference that exists already (or earlier in the
 * same batch) is skipped by the unique index `signals_creditor_ref`. Returns the new ids.
 */
export async function insertCreditorSignals(
  s: TenantScope,
  batch: readonly CreditorSignalRow[],
  by: { userId: string; partnerId: string },
): Promise<string[]> {
  if (batch.length === 0) return [];
  // A row whose address occurs once in this batch gets its bundle at once (the head of a bundle at that
  // address in the previous BUNDLE_DAYS, as matching-repository.ts decides it, or itself): an UPDATE of rows inserted in
  // the same transaction re-checks every foreign key, which was a third of a batch's time. Rows sharing an
  // address within the batch are left to matching-repository.ts, which bundles them one by one.
  const inserted = await rows(
    s.q,
    idRow,
    `WITH src AS (
       SELECT gen_random_uuid() AS id, r.*, r.postal_code || ' ' || upper(r.house_number) AS akey,
              count(*) OVER (PARTITION BY r.postal_code, upper(r.house_number)) AS same
         FROM jsonb_to_recordset($4::jsonb) AS r (ord int, category text, description text, occurred_at timestamptz,
              street text, house_number text, postal_code text, city text, first_contact_due date, creditor_type text,
              creditor_name text, creditor_reference text, signal_date date, last_name text, initials text,
              birth_date date, arrears_amount numeric, arrears_since date, end_of_supply boolean))
     INSERT INTO signals (id, tenant_id, category, description, source, status, occurred_at, street, house_number,
                          postal_code, city, address_key, reporter_user_id, reporter_partner_id, first_contact_due,
                          creditor_type, creditor_name, creditor_reference, signal_date, last_name, initials,
                          birth_date, arrears_amount, arrears_since, end_of_supply, bundle_id)
     SELECT src.id, $1, src.category, src.description, 'creditor', 'new', src.occurred_at, src.street, src.house_number,
            src.postal_code, src.city, src.akey, $2, $3, src.first_contact_due,
            src.creditor_type, src.creditor_name, src.creditor_reference, src.signal_date, src.last_name, src.initials,
            src.birth_date, src.arrears_amount, src.arrears_since, src.end_of_supply,
            CASE WHEN src.akey IS NOT NULL AND src.same = 1 THEN coalesce((
              SELECT c.id FROM signals c
               WHERE c.tenant_id = $1 AND c.address_key = src.akey
                 AND (c.bundle_id IS NULL OR c.bundle_id = c.id) AND c.merged_into_id IS NULL
                 AND ${refDate('c')} BETWEEN src.signal_date - ${BUNDLE_DAYS} AND src.signal_date
               ORDER BY ${refDate('c')}, c.created_at, c.id
               LIMIT 1), src.id) END
       FROM src
      ORDER BY src.ord
     ON CONFLICT (tenant_id, creditor_name, creditor_reference) WHERE creditor_reference IS NOT NULL DO NOTHING
     RETURNING id`,
    [s.tenantId, by.userId, by.partnerId, JSON.stringify(batch)],
  );
  return inserted.map((r) => r.id);
}

/** The persons that matching linked to these signals (for the audit record's person ids). */
export async function matchedPersonIds(s: TenantScope, signalIds: readonly string[]): Promise<string[]> {
  if (signalIds.length === 0) return [];
  const found = await rows(
    s.q,
    z.object({ target_id: col.uuid }),
    `SELECT DISTINCT m.target_id
       FROM unnest($2::uuid[]) AS u (id),
            LATERAL (SELECT target_id FROM signal_matches x
                      WHERE x.signal_id = u.id AND x.kind = 'person' AND x.tenant_id = $1 OFFSET 0) m`,
    [s.tenantId, signalIds],
  );
  return found.map((r) => r.target_id);
}

/**
 * Refreshes the planner's statistics of the signals table. A large import grows it faster than
 * autovacuum analyses it; with stale numbers the planner takes a tenant-wide index for the bundle
 * look-up by address and every batch gets slower. Without the right (ownership) it only warns.
 */
export async function analyzeSignals(q: Queryable): Promise<void> {
  await execute(q, 'ANALYZE signals, signal_matches');
}
