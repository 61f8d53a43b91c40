import {
  type OutboxItem,
  type OutboxStatus,
  PARTNER_KINDS,
  type Partner,
  type PartnerKind,
  ROLES,
  type Role,
  type User,
} from '@wijkregie/shared';
import { z } from 'zod';
import { Params, selectPage } from '../../db/params.js';
import { col, oneRow, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

const partnerRow = z.object({ id: col.uuid, name: col.text, kind: z.enum(PARTNER_KINDS) });
const oneRowShape = z.object({ one: col.int });

export function listPartners(s: TenantScope): Promise<Partner[]> {
  return rows(
    s.q,
    partnerRow,
    'SELECT id, name, kind FROM partners WHERE tenant_id = $1 ORDER BY lower(name), id',
    [s.tenantId],
  );
}

export function findPartner(s: TenantScope, id: string): Promise<Partner | undefined> {
  return row(s.q, partnerRow, 'SELECT id, name, kind FROM partners WHERE tenant_id = $1 AND id = $2', [
    s.tenantId,
    id,
  ]);
}

export async function partnerNameTaken(s: TenantScope, name: string): Promise<boolean> {
  const found = await row(
    s.q,
    oneRowShape,
    'SELECT 1 AS one FROM partners WHERE tenant_id = $1 AND lower(name) = lower($2)',
    [s.tenantId, name],
  );
  return found !== undefined;
}

export function insertPartner(s: TenantScope, p: { name: string; kind: PartnerKind }): Promise<Partner> {
  return oneRow(
    s.q,
    partnerRow,
    'INSERT INTO partners (tenant_id, name, kind) VALUES ($1, $2, $3) RETURNING id, name, kind',
    [s.tenantId, p.name, p.kind],
  );
}

const userRow = z.object({
  id: col.uuid,
  email: col.text,
  name: col.text,
  partner_id: col.uuid,
  roles: z.array(z.enum(ROLES)),
});
const toUser = (r: z.infer<typeof userRow>): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  partnerId: r.partner_id,
  roles: r.roles,
});

export async function listUsers(s: TenantScope): Promise<User[]> {
  const found = await rows(
    s.q,
    userRow,
    `SELECT id, email, name, partner_id, roles FROM users
      WHERE tenant_id = $1 AND active ORDER BY lower(name), id`,
    [s.tenantId],
  );
  return found.map(toUser);
}

/** True when the email is in use anywhere: it is the login name, unique over all tenants. */
export async function emailTaken(s: TenantScope, email: string): Promise<boolean> {
  const found = await row(s.q, oneRowShape, 'SELECT 1 AS one FROM users WHERE email = $1', [email]);
  return found !== undefined;
}

export async function insertUser(
  s: TenantScope,
  u: { email: string; name: string; passwordHash: string; partnerId: string; roles: readonly Role[] },
): Promise<User> {
  const inserted = await oneRow(
    s.q,
    userRow,
    `INSERT INTO users (tenant_id, partner_id, email, name, password_hash, roles)
     VALUES ($1, $2, $3, $4, $5, $6::text[])
     RETURNING id, email, name, partner_id, roles`,
    [s.tenantId, u.partnerId, u.email, u.name, u.passwordHash, u.roles],
  );
  return toUser(inserted);
}

export function listColleagues(s: TenantScope) {
  return rows(
    s.q,
    z.object({ id: col.uuid, name: col.text, partnerId: col.uuid }),
    `SELECT id, name, partner_id AS "partnerId" FROM users WHERE tenant_id = $1 AND active
       AND roles && ARRAY['regisseur', 'professional']::text[] ORDER BY name, id`,
    [s.tenantId],
  );
}

const outboxRow = z.object({
  id: col.uuid,
  to_address: col.text,
  subject: col.text,
  body_text: col.text,
  status: col.text,
  attempts: col.int,
  created_at: col.timestamp,
  sent_at: col.timestamp.nullable(),
  last_error: col.text.nullable(),
});

/** The tenant's email outbox, newest first (addresses and thin texts only, by design). */
export async function listOutbox(
  s: TenantScope,
  status: OutboxStatus | undefined,
  page: { limit: number; offset: number },
): Promise<{ items: OutboxItem[]; total: number }> {
  const p = new Params();
  const where = [`tenant_id = ${p.add(s.tenantId)}`];
  if (status) where.push(`status = ${p.add(status)}`);
  const { rows: found, total } = await selectPage(
    s.q,
    outboxRow,
    p,
    {
      select: 'id, to_address, subject, body_text, status, attempts, created_at, sent_at, last_error',
      fromWhere: `FROM email_outbox WHERE ${where.join(' AND ')}`,
      order: 'created_at DESC, id',
    },
    page,
  );
  return {
    items: found.map((r) => ({
      id: r.id,
      toAddress: r.to_address,
      subject: r.subject,
      bodyText: r.body_text,
      status: r.status,
      attempts: r.attempts,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at ? r.sent_at.toISOString() : null,
      lastError: r.last_error,
    })),
    total,
  };
}
