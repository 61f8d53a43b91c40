import {
  DEFAULT_CATEGORIES,
  DEFAULT_INCIDENT_CATEGORIES,
  DEFAULT_LIFE_DOMAINS,
  DEFAULT_PROCESSING_ACTIVITIES,
  DEFAULT_SIGNAL_CATEGORIES,
} from '@wijkregie/shared';
import type { Queryable } from '../db/db.js';
import { execute, idRow, oneRow } from '../db/rows.js';
import { appendAudit } from '../modules/audit/repository.js';
import { seedActivities } from '../modules/processing/repository.js';

/**
 * Creates a municipality with the default information categories, signal categories, life domains,
 * incident categories and register of processing activities.
 * System-level: start-up and tests.
 */
export async function createTenant(q: Queryable, name: string, demo = false): Promise<string> {
  const { id } = await oneRow(q, idRow, 'INSERT INTO tenants (name, demo) VALUES ($1, $2) RETURNING id', [
    name,
    demo,
  ]);
  await execute(
    q,
    `INSERT INTO categories (tenant_id, key, label, position)
     SELECT $1, c.key, c.label, c.ord FROM jsonb_to_recordset($2::jsonb) AS c (key text, label text, ord int)`,
    [id, JSON.stringify(DEFAULT_CATEGORIES.map((c, i) => ({ ...c, ord: i + 1 })))],
  );
  await execute(
    q,
    `INSERT INTO signal_categories (tenant_id, key, label, public_report, deadline_days, deadline_working, position)
     SELECT $1, c.key, c.label, c.pub, c.days, c.working, c.ord
       FROM jsonb_to_recordset($2::jsonb) AS c (key text, label text, pub boolean, days int, working boolean, ord int)`,
    [
      id,
      JSON.stringify(
        DEFAULT_SIGNAL_CATEGORIES.map((c, i) => ({
          key: c.key,
          label: c.label,
          pub: c.publicReport,
          days: c.deadline.days,
          working: c.deadline.working,
          ord: i + 1,
        })),
      ),
    ],
  );
  await execute(
    q,
    `INSERT INTO life_domains (tenant_id, key, label, domain_group, category, position)
     SELECT $1, d.key, d.label, d.grp, d.category, d.ord
       FROM jsonb_to_recordset($2::jsonb) AS d (key text, label text, grp text, category text, ord int)`,
    [
      id,
      JSON.stringify(
        DEFAULT_LIFE_DOMAINS.map((d, i) => ({
          key: d.key,
          label: d.label,
          grp: d.group,
          category: d.category,
          ord: i + 1,
        })),
      ),
    ],
  );
  await execute(
    q,
    `INSERT INTO incident_categories (tenant_id, key, label, position)
     SELECT $1, c.key, c.label, c.ord FROM jsonb_to_recordset($2::jsonb) AS c (key text, label text, ord int)`,
    [id, JSON.stringify(DEFAULT_INCIDENT_CATEGORIES.map((c, i) => ({ ...c, ord: i + 1 })))],
  );
  await seedActivities(
    q,
    id,
    DEFAULT_PROCESSING_ACTIVITIES.map((a) => ({
      ...a,
      categories: [...a.categories],
      defaultForCaseTypes: [...a.defaultForCaseTypes],
      defaultForSignalSources: [...a.defaultForSignalSources],
    })),
  );
  return id;
}

/** What the operator (or the first start) gives for a new municipality; the password is hashed already. */
export interface NewMunicipality {
  name: string;
  adminEmail: string;
  adminName: string;
  passwordHash: string;
}

export interface CreatedMunicipality {
  tenantId: string;
  partnerId: string;
  adminUserId: string;
}

/**
 * A new municipality as it can start work: the tenant with the default information and signal
 * categories, the municipality itself as partner (kind `gemeente`) and its first admin. The
 * creation opens the tenant's audit chain, recorded as an admin's creations are in the app (no
 * user: the installation's operator did it). Runs in the caller's transaction; the caller checks
 * that the email is free.
 */
export async function createMunicipality(
  tx: Queryable,
  m: NewMunicipality,
  purpose: string,
): Promise<CreatedMunicipality> {
  const tenantId = await createTenant(tx, m.name);
  const { id: partnerId } = await oneRow(
    tx,
    idRow,
    "INSERT INTO partners (tenant_id, name, kind) VALUES ($1, $2, 'gemeente') RETURNING id",
    [tenantId, m.name],
  );
  const { id: adminUserId } = await oneRow(
    tx,
    idRow,
    `INSERT INTO users (tenant_id, partner_id, email, name, password_hash, roles)
     VALUES ($1, $2, $3, $4, $5, ARRAY['admin']) RETURNING id`,
    [tenantId, partnerId, m.adminEmail, m.adminName, m.passwordHash],
  );
  const by = { tenantId, userId: null, partnerId: null, purpose };
  await appendAudit(tx, [
    { ...by, action: 'create', objectType: 'tenant', objectId: tenantId },
    { ...by, action: 'create', objectType: 'partner', objectId: partnerId, details: { kind: 'gemeente' } },
    { ...by, action: 'create', objectType: 'user', objectId: adminUserId, details: { roles: ['admin'] } },
  ]);
  return { tenantId, partnerId, adminUserId };
}
