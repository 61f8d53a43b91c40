import { createHash, randomBytes } from 'node:crypto';
import type { Role, User } from '@wijkregie/shared';
import type { Queryable } from '../../db/db.js';

/**
 * Sessions and login throttling. These run before a tenant is known (the cookie or the email is
 * all there is), so they take the system handle; every row they return carries its tenant.
 */

export interface SessionUser extends User {
  tenantId: string;
}

interface UserRow {
  id: string;
  tenant_id: string;
  email: string;
  name: string;
  partner_id: string;
  roles: Role[];
}

export const toUser = (r: UserRow): SessionUser => ({
  id: r.id,
  tenantId: r.tenant_id,
  email: r.email,
  name: r.name,
  partnerId: r.partner_id,
  roles: r.roles,
});

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function findLoginCandidate(
  q: Queryable,
  email: string,
): Promise<(SessionUser & { passwordHash: string }) | undefined> {
  const [row] = await q.query<UserRow & { password_hash: string }>(
    `SELECT id, tenant_id, email, name, partner_id, roles, password_hash
       FROM users WHERE email = $1 AND active`,
    [email],
  );
  return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
}

/** Creates a session and returns the cookie token (only its hash is stored). */
export async function createSession(q: Queryable, user: SessionUser): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await q.query('INSERT INTO sessions (token_hash, tenant_id, user_id) VALUES ($1, $2, $3)', [
    hashToken(token),
    user.tenantId,
    user.id,
  ]);
  return token;
}

export interface ActiveSession {
  sessionId: string;
  user: SessionUser;
}

/**
 * The live session for a token, or undefined when it is unknown, ended, idle for longer than
 * `idleMs` or older than `absoluteMs`. Marks activity at most every `touchMs` to spare writes.
 */
export async function findActiveSession(
  q: Queryable,
  token: string,
  limits: { idleMs: number; absoluteMs: number; touchMs: number },
): Promise<ActiveSession | undefined> {
  const [row] = await q.query<UserRow & { session_id: string; stale: boolean }>(
    `SELECT s.id AS session_id, u.id, u.tenant_id, u.email, u.name, u.partner_id, u.roles,
            s.last_seen_at < now() - make_interval(secs => $4::double precision / 1000) AS stale
       FROM sessions s JOIN users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
      WHERE s.token_hash = $1 AND s.ended_at IS NULL AND u.active
        AND s.last_seen_at > now() - make_interval(secs => $2::double precision / 1000)
        AND s.created_at > now() - make_interval(secs => $3::double precision / 1000)`,
    [hashToken(token), limits.idleMs, limits.absoluteMs, limits.touchMs],
  );
  if (!row) return undefined;
  if (row.stale) {
    await q.query('UPDATE sessions SET last_seen_at = now() WHERE id = $1', [row.session_id]);
  }
  return { sessionId: row.session_id, user: toUser(row) };
}

export async function endSession(q: Queryable, sessionId: string): Promise<void> {
  await q.query('UPDATE sessions SET ended_at = now() WHERE id = $1 AND ended_at IS NULL', [sessionId]);
}

/** Failures for each key within the window. */
export async function countFailures(q: Queryable, keys: string[], windowMs: number): Promise<number[]> {
  const rows = await q.query<{ key: string; n: number }>(
    `SELECT key, count(*)::int AS n FROM login_failures
      WHERE key = ANY($1::text[]) AND at > now() - make_interval(secs => $2::double precision / 1000)
      GROUP BY key`,
    [keys, windowMs],
  );
  return keys.map((k) => rows.find((r) => r.key === k)?.n ?? 0);
}

export async function recordFailure(q: Queryable, keys: string[], windowMs: number): Promise<void> {
  await q.query('INSERT INTO login_failures (key) SELECT unnest($1::text[])', [keys]);
  // Keep the table small: what lies outside the window no longer counts.
  await q.query(
    `DELETE FROM login_failures WHERE key = ANY($1::text[])
        AND at < now() - make_interval(secs => $2::double precision / 1000)`,
    [keys, windowMs],
  );
}

export async function clearFailures(q: Queryable, key: string): Promise<void> {
  await q.query('DELETE FROM login_failures WHERE key = $1', [key]);
}
