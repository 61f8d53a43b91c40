import { ROLES, type Role } from '@wijkregie/shared';
import { z } from 'zod';
import type { Queryable } from '../../db/db.js';
import { col, execute, hasRow, oneRow, row } from '../../db/rows.js';

/**
 * Tweestapsverificatie: a user's (encrypted) TOTP secret, their recovery codes, and the
 * municipality's roles that require it. Read at login before a tenant is bound (system handle), so
 * every statement names tenant and user.
 */

export interface StoredTotp {
  secretEncrypted: string;
  confirmed: boolean;
  lastTimeStep: number | null;
}

export async function findTotp(
  q: Queryable,
  tenantId: string,
  userId: string,
): Promise<StoredTotp | undefined> {
  const found = await row(
    q,
    z.object({ secret_encrypted: col.text, confirmed: col.bool, last_time_step: col.num.nullable() }),
    `SELECT secret_encrypted, confirmed_at IS NOT NULL AS confirmed, last_time_step::float8 AS last_time_step
       FROM user_totp WHERE tenant_id = $1 AND user_id = $2`,
    [tenantId, userId],
  );
  return found
    ? {
        secretEncrypted: found.secret_encrypted,
        confirmed: found.confirmed,
        lastTimeStep: found.last_time_step,
      }
    : undefined;
}

/**
 * A new pending enrolment (replacing a pending one) with its recovery codes; false when the user
 * already has confirmed TOTP (nothing is changed then).
 */
export async function savePendingTotp(
  q: Queryable,
  tenantId: string,
  userId: string,
  secretEncrypted: string,
  codeHashes: readonly string[],
): Promise<boolean> {
  const saved = await hasRow(
    q,
    `INSERT INTO user_totp (tenant_id, user_id, secret_encrypted) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, user_id) DO UPDATE
       SET secret_encrypted = EXCLUDED.secret_encrypted, last_time_step = NULL, created_at = now()
       WHERE user_totp.confirmed_at IS NULL
     RETURNING user_id`,
    [tenantId, userId, secretEncrypted],
  );
  if (!saved) return false;
  await execute(q, 'DELETE FROM totp_recovery_codes WHERE tenant_id = $1 AND user_id = $2', [
    tenantId,
    userId,
  ]);
  await execute(
    q,
    `INSERT INTO totp_recovery_codes (tenant_id, user_id, code_hash)
     SELECT $1, $2, h FROM unnest($3::text[]) AS h`,
    [tenantId, userId, codeHashes],
  );
  return true;
}

/** Confirms a pending enrolment with the step of its first code; false when none is pending. */
export function confirmTotpRow(
  q: Queryable,
  tenantId: string,
  userId: string,
  step: number,
): Promise<boolean> {
  return hasRow(
    q,
    `UPDATE user_totp SET confirmed_at = now(), last_time_step = $3
      WHERE tenant_id = $1 AND user_id = $2 AND confirmed_at IS NULL RETURNING user_id`,
    [tenantId, userId, step],
  );
}

/**
 * Takes a code's time step for a login: only when it is later than every step taken before, in one
 * statement, so of two logins with the same code at the same moment one wins.
 */
export function takeTimeStep(q: Queryable, tenantId: string, userId: string, step: number): Promise<boolean> {
  return hasRow(
    q,
    `UPDATE user_totp SET last_time_step = $3
      WHERE tenant_id = $1 AND user_id = $2 AND confirmed_at IS NOT NULL
        AND (last_time_step IS NULL OR last_time_step < $3) RETURNING user_id`,
    [tenantId, userId, step],
  );
}

/** Uses a recovery code once; false when it is unknown or used. */
export function useRecoveryCode(
  q: Queryable,
  tenantId: string,
  userId: string,
  hash: string,
): Promise<boolean> {
  return hasRow(
    q,
    `UPDATE totp_recovery_codes SET used_at = now()
      WHERE tenant_id = $1 AND user_id = $2 AND code_hash = $3 AND used_at IS NULL RETURNING user_id`,
    [tenantId, userId, hash],
  );
}

export async function recoveryCodesLeft(q: Queryable, tenantId: string, userId: string): Promise<number> {
  const r = await oneRow(
    q,
    z.object({ n: col.int }),
    `SELECT count(*)::int AS n FROM totp_recovery_codes
      WHERE tenant_id = $1 AND user_id = $2 AND used_at IS NULL`,
    [tenantId, userId],
  );
  return r.n;
}

/** Removes a user's TOTP and recovery codes (the admin's reset); false when there was none. */
export async function deleteTotp(q: Queryable, tenantId: string, userId: string): Promise<boolean> {
  await execute(q, 'DELETE FROM totp_recovery_codes WHERE tenant_id = $1 AND user_id = $2', [
    tenantId,
    userId,
  ]);
  return hasRow(q, 'DELETE FROM user_totp WHERE tenant_id = $1 AND user_id = $2 RETURNING user_id', [
    tenantId,
    userId,
  ]);
}

/** The roles whose users must use TOTP (none unless the admin chose some). */
export async function mfaRequiredRoles(q: Queryable, tenantId: string): Promise<Role[]> {
  const found = await row(
    q,
    z.object({ roles: z.array(z.enum(ROLES)) }),
    'SELECT mfa_required_roles AS roles FROM security_settings WHERE tenant_id = $1',
    [tenantId],
  );
  return found?.roles ?? [];
}

export async function saveMfaRequiredRoles(
  q: Queryable,
  tenantId: string,
  roles: readonly Role[],
): Promise<void> {
  await execute(
    q,
    `INSERT INTO security_settings (tenant_id, mfa_required_roles) VALUES ($1, $2::text[])
     ON CONFLICT (tenant_id) DO UPDATE SET mfa_required_roles = EXCLUDED.mfa_required_roles, updated_at = now()`,
    [tenantId, roles],
  );
}
