import type { Partner, PartnerKind, Role, User } from '@wijkregie/shared';
import { Params, selectPage } from '../../db/params.js';
import type { TenantScope } from '../../db/scope.js';

interface PartnerRow {
  id: string;
  name: string;
  kind: PartnerKind;
}

export async function listPartners(s: TenantScope): Promise<Partner[]> {
  return s.q.query<PartnerRow>(
    'SELECT id, name, kind FROM partners WHERE tenant_id = $1 ORDER BY lower(name), id',
    [s.tenantId],
  );
}

export async function findPartner(s: TenantScope, id: string): Promise<Partner | undefined> {
  const [row] = await s.q.query<PartnerRow>(
    'SELECT id, name, kind FROM partners WHERE tenant_id = $1 AND id = $2',
    [s.tenantId, id],
  );
  return row;
}

export async function partnerNameTaken(s: TenantScope, name: string): Promise<boolean> {
  const rows = await s.q.query('SELECT 1 FROM partners WHERE tenant_id = $1 AND lower(name) = lower($2)', [
    s.tenantId,
    name,
  ]);
  return rows.length > 0;
}

export async function insertPartner(
  s: TenantScope,
  p: { name: string; kind: PartnerKind },
): Promise<Partner> {
  const [row] = await s.q.query<PartnerRow>(
    'INSERT INTO partners (tenant_id, name, kind) VALUES ($1, $2, $3) RETURNING id, name, kind',
    [s.tenantId, p.name, p.kind],
  );
  return row!;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  partner_id: string;
  roles: Role[];
}
const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  partnerId: r.partner_id,
  roles: r.roles,
});

export async function listUsers(s: TenantScope): Promise<User[]> {
  const rows = await s.q.query<UserRow>(
    `SELECT id, email, name, partner_id, roles FROM users
      WHERE tenant_id = $1 AND active ORDER BY lower(name), id`,
    [s.tenantId],
  );
  return rows.map(toUser);
}

/** True when the email is in use anywhere: it is the login name, unique over all tenants. */
export async function emailTaken(s: TenantScope, email: string): Promise<boolean> {
  const rows = await s.q.query('SELECT 1 FROM users WHERE email = $1', [email]);
  return rows.length > 0;
}

export async function insertUser(
  s: TenantScope,
  u: { email: string; name: string; passwordHash: string; partnerId: string; roles: readonly Role[] },
): Promise<User> {
  const [row] = await s.q.query<UserRow>(
    `INSERT INTO users (tenant_id, partner_id, email, name, password_hash, roles)
     VALUES ($1, $2, $3, $4, $5, $6::text[])
     RETURNING id, email, name, partner_id, roles`,
    [s.tenantId, u.partnerId, u.email, u.name, u.passwordHash, u.roles],
  );
  return toUser(row!);
}

export async function listColleagues(s: TenantScope) {
  return s.q.query<{ id: string; name: string; partnerId: string }>(
    `SELECT id, name, partner_id AS "partnerId" FROM users WHERE tenant_id = $1 AND active
       AND roles && ARRAY['regisseur', 'professional']::text[] ORDER BY name, id`,
    [s.tenantId],
  );
}

/** The tenant's email outbox, newest first (addresses and thin texts only, by design). */
export async function listOutbox(
  s: TenantScope,
  status: string | undefined,
  page: { limit: number; offset: number },
) {
  const p = new Params();
  const where = [`tenant_id = ${p.add(s.tenantId)}`];
  if (status) where.push(`status = ${p.add(status)}`);
  const { rows, total } = await selectPage<{
    id: string;
    to_address: string;
    subject: string;
    body_text: string;
    status: string;
    attempts: number;
    created_at: Date;
    sent_at: Date | null;
    last_error: string | null;
  }>(
    s.q,
    p,
    {
      select: 'id, to_address, subject, body_text, status, attempts, created_at, sent_at, last_error',
      fromWhere: `FROM email_outbox WHERE ${where.join(' AND ')}`,
      order: 'created_at DESC, id',
    },
    page,
  );
  return {
    items: rows.map((r) => ({
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
