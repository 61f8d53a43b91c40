import {
  type Collection,
  type OutboxItem,
  type OutboxStatus,
  PARTNER_KINDS,
  type Partner,
  type PartnerKind,
  type PartnerSortField,
  type PartnerWithStatus,
  ROLES,
  type Role,
  type Sorting,
  type User,
  type UserSortField,
  type UserWithStatus,
} from '@wijkregie/shared';
import { z } from 'zod';
import { orderOf } from '../../db/order.js';
import { type PageRequest, Params, selectPage } from '../../db/params.js';
import { col, hasRow, oneRow, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';
import { Changes, updateById } from '../../db/update.js';

const partnerRow = z.object({ id: col.uuid, name: col.text, kind: z.enum(PARTNER_KINDS) });
const partnerWithStatusRow = partnerRow.extend({ active: col.bool });

/** The columns the partner list may be sorted on. */
const PARTNER_SORT: Record<PartnerSortField, string> = { name: 'lower(name)', kind: 'kind' };

/** Every partner, also deactivated ones: their names stay on cases, meetings and history. */
export function listPartners(s: TenantScope, by?: Sorting<PartnerSortField>): Promise<PartnerWithStatus[]> {
  return rows(
    s.q,
    partnerWithStatusRow,
    `SELECT id, name, kind, active FROM partners WHERE tenant_id = $1
      ORDER BY ${orderOf(by, PARTNER_SORT, 'lower(name), id')}`,
    [s.tenantId],
  );
}

const PARTNER_BY_ID = 'SELECT id, name, kind, active FROM partners WHERE tenant_id = $1 AND id = $2';

export function findPartner(s: TenantScope, id: string): Promise<PartnerWithStatus | undefined> {
  return row(s.q, partnerWithStatusRow, PARTNER_BY_ID, [s.tenantId, id]);
}

/** The partner locked for a change in this transaction (a second admin's change waits for it). */
export function lockPartner(s: TenantScope, id: string): Promise<PartnerWithStatus | undefined> {
  return row(s.q, partnerWithStatusRow, `${PARTNER_BY_ID} FOR UPDATE`, [s.tenantId, id]);
}

/**
 * Which of `ids` are partners of the tenant that still take part: only those may be chosen for new
 * work (a case, an action, a meeting). Ones already chosen before their deactivation stay.
 */
export async function activePartnerIds(s: TenantScope, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const found = await rows(
    s.q,
    z.object({ id: col.uuid }),
    'SELECT id FROM partners WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND active',
    [s.tenantId, [...ids]],
  );
  return new Set(found.map((r) => r.id));
}

/** True when another partner of the tenant has this name (`exceptId`: the partner being renamed). */
export async function partnerNameTaken(s: TenantScope, name: string, exceptId?: string): Promise<boolean> {
  return hasRow(
    s.q,
    'SELECT 1 AS one FROM partners WHERE tenant_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3',
    [s.tenantId, name, exceptId ?? null],
  );
}

export async function updatePartnerRow(
  s: TenantScope,
  id: string,
  u: { name?: string | undefined; active?: boolean | undefined },
): Promise<void> {
  await updateById(s, 'partners', id, new Changes().set('name', u.name).set('active', u.active));
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
const userWithStatusRow = userRow.extend({ active: col.bool });
const toUserWithStatus = (r: z.infer<typeof userWithStatusRow>): UserWithStatus => ({
  ...toUser(r),
  active: r.active,
});

/** The columns the user list may be sorted on. */
const USER_SORT: Record<UserSortField, string> = {
  name: 'lower(name)',
  email: 'email',
  createdAt: 'created_at',
};

/** Every user, also deactivated ones (the admin activates them again; their names stay on history). */
export async function listUsers(s: TenantScope, by?: Sorting<UserSortField>): Promise<UserWithStatus[]> {
  const found = await rows(
    s.q,
    userWithStatusRow,
    `SELECT id, email, name, partner_id, roles, active FROM users
      WHERE tenant_id = $1 ORDER BY ${orderOf(by, USER_SORT, 'lower(name), id')}`,
    [s.tenantId],
  );
  return found.map(toUserWithStatus);
}

/** The user locked for a change in this transaction. */
export async function lockUser(s: TenantScope, id: string): Promise<UserWithStatus | undefined> {
  const found = await row(
    s.q,
    userWithStatusRow,
    `SELECT id, email, name, partner_id, roles, active FROM users
      WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
    [s.tenantId, id],
  );
  return found ? toUserWithStatus(found) : undefined;
}

/**
 * Active admins of the tenant other than `exceptId` whose partner takes part: somebody must stay
 * who can manage users. Locks those rows, so two admins cannot take each other's rights at once.
 */
export async function otherActiveAdmins(s: TenantScope, exceptId: string | null): Promise<number> {
  const found = await rows(
    s.q,
    z.object({ id: col.uuid }),
    `SELECT u.id FROM users u JOIN partners p ON p.tenant_id = u.tenant_id AND p.id = u.partner_id
      WHERE u.tenant_id = $1 AND u.active AND p.active AND 'admin' = ANY (u.roles)
        AND u.id IS DISTINCT FROM $2
      FOR UPDATE OF u`,
    [s.tenantId, exceptId],
  );
  return found.length;
}

/** Active admins of the tenant who do not belong to `partnerId` (see `otherActiveAdmins`). */
export async function activeAdminsOutside(s: TenantScope, partnerId: string): Promise<number> {
  const found = await rows(
    s.q,
    z.object({ id: col.uuid }),
    `SELECT u.id FROM users u JOIN partners p ON p.tenant_id = u.tenant_id AND p.id = u.partner_id
      WHERE u.tenant_id = $1 AND u.active AND p.active AND 'admin' = ANY (u.roles) AND u.partner_id <> $2
      FOR UPDATE OF u`,
    [s.tenantId, partnerId],
  );
  return found.length;
}

export async function updateUserRow(
  s: TenantScope,
  id: string,
  u: {
    name?: string | undefined;
    roles?: readonly Role[] | undefined;
    partnerId?: string | undefined;
    active?: boolean | undefined;
  },
): Promise<UserWithStatus> {
  const c = new Changes()
    .set('name', u.name)
    .set('roles', u.roles && [...u.roles], '::text[]')
    .set('partner_id', u.partnerId)
    .set('active', u.active);
  // With nothing to set, the row is read back as it is.
  const set = c.sets.length ? c.sets.join(', ') : 'id = id';
  const updated = await oneRow(
    s.q,
    userWithStatusRow,
    `UPDATE users SET ${set} WHERE tenant_id = ${c.p.add(s.tenantId)} AND id = ${c.p.add(id)}
     RETURNING id, email, name, partner_id, roles, active`,
    c.p.values,
  );
  return toUserWithStatus(updated);
}

/** True when the email is in use anywhere: it is the login name, unique over all tenants. */
export async function emailTaken(s: TenantScope, email: string): Promise<boolean> {
  return hasRow(s.q, 'SELECT 1 AS one FROM users WHERE email = $1', [email]);
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
    `SELECT u.id, u.name, u.partner_id AS "partnerId"
       FROM users u JOIN partners p ON p.tenant_id = u.tenant_id AND p.id = u.partner_id
      WHERE u.tenant_id = $1 AND u.active AND p.active
        AND u.roles && ARRAY['regisseur', 'professional']::text[] ORDER BY u.name, u.id`,
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
  page: PageRequest,
): Promise<Collection<OutboxItem>> {
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
