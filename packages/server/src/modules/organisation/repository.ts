import type { Partner, PartnerKind, Role, User } from '@wijkregie/shared';
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
