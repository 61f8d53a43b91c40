import { CASE_TYPES, type ProcessingActivity, SIGNAL_SOURCES } from '@wijkregie/shared';
import { z } from 'zod';
import type { Queryable } from '../../db/db.js';
import { col, execute, hasRow, idRow, insertedId, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';
import { Changes, updateById } from '../../db/update.js';

/** The SQL of the register of processing activities, and of the activity a case or signal is under. */

const activityRow = z.object({
  id: col.uuid,
  name: col.text,
  purpose: col.text,
  legal_basis: col.text,
  retention_days: col.int,
  categories: col.textArray,
  law_reference: col.text.nullable(),
  recipients: col.text.nullable(),
  default_case_types: z.array(z.enum(CASE_TYPES)),
  default_signal_sources: z.array(z.enum(SIGNAL_SOURCES)),
});

const toActivity = (r: z.output<typeof activityRow>): ProcessingActivity => ({
  id: r.id,
  name: r.name,
  purpose: r.purpose,
  legalBasis: r.legal_basis,
  retentionDays: r.retention_days,
  categories: r.categories,
  lawReference: r.law_reference,
  recipients: r.recipients,
  defaultForCaseTypes: r.default_case_types,
  defaultForSignalSources: r.default_signal_sources,
});

const SELECT = `SELECT id, name, purpose, legal_basis, retention_days, categories, law_reference, recipients,
                       default_case_types, default_signal_sources
                  FROM processing_activities`;

/** The register in its order. */
export async function listActivities(s: TenantScope): Promise<ProcessingActivity[]> {
  const found = await rows(
    s.q,
    activityRow,
    `${SELECT} WHERE tenant_id = $1 ORDER BY position, created_at, id`,
    [s.tenantId],
  );
  return found.map(toActivity);
}

/** One activity of the register, or undefined (`lock`: for the rest of the transaction). */
export async function findActivity(
  s: TenantScope,
  id: string,
  lock = false,
): Promise<ProcessingActivity | undefined> {
  const found = await row(
    s.q,
    activityRow,
    `${SELECT} WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
    [s.tenantId, id],
  );
  return found && toActivity(found);
}

/** Whether another activity of the register has this name (names are unique per municipality). */
export function nameTaken(s: TenantScope, name: string, exceptId: string | null): Promise<boolean> {
  return hasRow(
    s.q,
    'SELECT 1 FROM processing_activities WHERE tenant_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3',
    [s.tenantId, name, exceptId],
  );
}

/** The keys among `keys` that are no information category of the municipality. */
export async function unknownCategories(s: TenantScope, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const known = await rows(
    s.q,
    z.object({ key: col.text }),
    'SELECT key FROM categories WHERE tenant_id = $1 AND key = ANY ($2::text[])',
    [s.tenantId, [...keys]],
  );
  const found = new Set(known.map((k) => k.key));
  return keys.filter((k) => !found.has(k));
}

export interface ActivityFields {
  name: string;
  purpose: string;
  legalBasis: string;
  retentionDays: number;
  categories: string[];
  lawReference: string | null;
  recipients: string | null;
  defaultForCaseTypes: string[];
  defaultForSignalSources: string[];
}

/** Adds an activity at the end of the register. */
export async function insertActivity(s: TenantScope, a: ActivityFields): Promise<string> {
  const id = await insertedId(
    s.q,
    `INSERT INTO processing_activities (tenant_id, name, purpose, legal_basis, retention_days, categories,
                                        law_reference, recipients, default_case_types, default_signal_sources, position)
     VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9::text[], $10::text[],
             (SELECT coalesce(max(position), 0) + 1 FROM processing_activities WHERE tenant_id = $1))
     RETURNING id`,
    [
      s.tenantId,
      a.name,
      a.purpose,
      a.legalBasis,
      a.retentionDays,
      a.categories,
      a.lawReference,
      a.recipients,
      a.defaultForCaseTypes,
      a.defaultForSignalSources,
    ],
  );
  return id;
}

/** Changes the fields given of an activity. */
export async function updateActivity(s: TenantScope, id: string, a: Partial<ActivityFields>): Promise<void> {
  await updateById(
    s,
    'processing_activities',
    id,
    new Changes('updated_at = clock_timestamp()')
      .set('name', a.name)
      .set('purpose', a.purpose)
      .set('legal_basis', a.legalBasis)
      .set('retention_days', a.retentionDays)
      .set('categories', a.categories, '::text[]')
      .set('law_reference', a.lawReference)
      .set('recipients', a.recipients)
      .set('default_case_types', a.defaultForCaseTypes, '::text[]')
      .set('default_signal_sources', a.defaultForSignalSources, '::text[]'),
  );
}

/**
 * Takes the given case types and signal sources away from every activity but `id` (a type or source has
 * one default); answers the ids of the activities that lost one.
 */
export async function takeDefaultsFromOthers(
  s: TenantScope,
  id: string,
  caseTypes: readonly string[],
  sources: readonly string[],
): Promise<string[]> {
  if (caseTypes.length === 0 && sources.length === 0) return [];
  const changed = await rows(
    s.q,
    idRow,
    `UPDATE processing_activities
        SET default_case_types = ARRAY(SELECT t FROM unnest(default_case_types) t WHERE NOT (t = ANY ($3::text[]))),
            default_signal_sources = ARRAY(SELECT x FROM unnest(default_signal_sources) x WHERE NOT (x = ANY ($4::text[]))),
            updated_at = clock_timestamp()
      WHERE tenant_id = $1 AND id <> $2
        AND (default_case_types && $3::text[] OR default_signal_sources && $4::text[])
      RETURNING id`,
    [s.tenantId, id, [...caseTypes], [...sources]],
  );
  return changed.map((r) => r.id);
}

/** Puts a case under an activity of the register. */
export async function setCaseActivity(s: TenantScope, caseId: string, activityId: string): Promise<void> {
  await execute(
    s.q,
    'UPDATE cases SET processing_activity_id = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2',
    [s.tenantId, caseId, activityId],
  );
}

/** Puts a signal under an activity of the register. */
export async function setSignalActivity(s: TenantScope, signalId: string, activityId: string): Promise<void> {
  await execute(
    s.q,
    'UPDATE signals SET processing_activity_id = $3, updated_at = clock_timestamp() WHERE tenant_id = $1 AND id = $2',
    [s.tenantId, signalId, activityId],
  );
}

/** The default register of a new municipality (bootstrap/tenant.ts), in the caller's transaction. */
export async function seedActivities(
  q: Queryable,
  tenantId: string,
  activities: readonly ActivityFields[],
): Promise<void> {
  await execute(
    q,
    `INSERT INTO processing_activities (tenant_id, name, purpose, legal_basis, law_reference, retention_days,
                                        categories, recipients, default_case_types, default_signal_sources, position)
     SELECT $1, a.name, a.purpose, a.legal_basis, a.law_reference, a.retention_days,
            ARRAY(SELECT jsonb_array_elements_text(a.categories)), a.recipients,
            ARRAY(SELECT jsonb_array_elements_text(a.case_types)), ARRAY(SELECT jsonb_array_elements_text(a.sources)),
            a.ord
       FROM jsonb_to_recordset($2::jsonb) AS a (name text, purpose text, legal_basis text, law_reference text,
            retention_days int, categories jsonb, recipients text, case_types jsonb, sources jsonb, ord int)`,
    [
      tenantId,
      JSON.stringify(
        activities.map((a, i) => ({
          name: a.name,
          purpose: a.purpose,
          legal_basis: a.legalBasis,
          law_reference: a.lawReference,
          retention_days: a.retentionDays,
          categories: a.categories,
          recipients: a.recipients,
          case_types: a.defaultForCaseTypes,
          sources: a.defaultForSignalSources,
          ord: i + 1,
        })),
      ),
    ],
  );
}
