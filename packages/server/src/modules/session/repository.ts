import { createHash, randomBytes } from 'node:crypto';
import { type DemoAccount, ROLES } from '@wijkregie/shared';
import { z } from 'zod';
import type { Db, Queryable } from '../../db/db.js';
import { col, execute, row, rows } from '../../db/rows.js';
import type { SessionUser } from '../../http/context.js';

/**
 * Sessions. These run before a tenant is known (the cookie or the email is all there is), so they
 * take the system handle; every row they return carries its tenant. (Login throttling: `throttle/`.)
 */

const userRow = z.object({
  id: col.uuid,
  tenant_id: col.uuid,
  email: col.text,
  name: col.text,
  partner_id: col.uuid,
  roles: z.array(z.enum(ROLES)),
});
type UserRow = z.infer<typeof userRow>;

const toUser = (r: UserRow): SessionUser => ({
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
): Promise<(SessionUser & { passwordHash: string; active: boolean }) | undefined> {
  const found = await row(
    q,
    userRow.extend({ password_hash: col.text, active: col.bool }),
    `SELECT u.id, u.tenant_id, u.email, u.name, u.partner_id, u.roles, u.password_hash,
            u.active AND p.active AS active
       FROM users u JOIN partners p ON p.tenant_id = u.tenant_id AND p.id = u.partner_id
      WHERE u.email = $1`,
    [email],
  );
  return found ? { ...toUser(found), passwordHash: found.password_hash, active: found.active } : undefined;
}

/**
 * Creates a session and returns the cookie token (only its hash is stored). `enrolOnly`: the session
 * may only set up tweestapsverificatie; `userAgent` is kept (shortened) for the user's list of sessions.
 */
export async function createSession(
  q: Queryable,
  user: SessionUser,
  opts: { userAgent?: string | undefined; enrolOnly?: boolean } = {},
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await execute(
    q,
    'INSERT INTO sessions (token_hash, tenant_id, user_id, user_agent, enrol_only) VALUES ($1, $2, $3, $4, $5)',
    [
      hashToken(token),
      user.tenantId,
      user.id,
      opts.userAgent?.slice(0, 300) || null,
      opts.enrolOnly ?? false,
    ],
  );
  return token;
}

export interface ActiveSession {
  sessionId: string;
  user: SessionUser;
  /** The session may only set up tweestapsverificatie (its user's role requires it). */
  enrolOnly: boolean;
}

/**
 * A short in-process cache of live sessions, so that a burst of requests with one cookie does not
 * look the session up each time. An entry lives at most SESSION_CACHE_MS (2 s) and never past the
 * moment the database would answer differently on its own: the idle and absolute timeouts and the
 * next due `last_seen_at` refresh are computed by the database as time left, and counted from
 * before the query was sent, so a cached session never outlives a timeout (with `touchMs: 0`
 * nothing is cached). A logout drops the entry here at once and on every other app instance
 * within milliseconds: `endSession` announces it with NOTIFY (`SESSION_ENDED_CHANNEL`, sent at
 * commit), which every instance LISTENs to (`listenForEndedSessions`). A request that reaches
 * another instance in those milliseconds is served as one sent just before the logout would be.
 * What has no such announcement — a user deactivated in the database directly, a NOTIFY lost while
 * a listening connection reconnects — shows after at most 2 s. Entries are keyed by the token hash
 * and the limits, so apps with other limits never share one.
 */
export const SESSION_CACHE_MS = 2_000;
const SESSION_CACHE_MAX = 10_000;
const sessionCache = new Map<string, { session: ActiveSession; until: number }>();
/** Counts logouts; a lookup that overlapped one does not cache its answer (it may predate the logout). */
let logouts = 0;

function cacheSession(key: string, session: ActiveSession, until: number): void {
  if (sessionCache.size >= SESSION_CACHE_MAX) {
    const now = performance.now();
    for (const [k, v] of sessionCache) if (v.until <= now) sessionCache.delete(k);
    if (sessionCache.size >= SESSION_CACHE_MAX) sessionCache.clear();
  }
  sessionCache.set(key, { session, until });
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
  const tokenHash = hashToken(token);
  const key = `${limits.idleMs}/${limits.absoluteMs}/${limits.touchMs}/${tokenHash}`;
  const sent = performance.now();
  const logoutsBefore = logouts;
  const cached = sessionCache.get(key);
  if (cached) {
    if (cached.until > sent) return cached.session;
    sessionCache.delete(key);
  }
  // One statement: find the session and, when `last_seen_at` is older than `touchMs`, refresh it
  // (the CTE's UPDATE runs whether or not the outer query reads it). `*_left` are the ms until the
  // idle timeout, the absolute timeout and the next refresh, as of this statement.
  const found = await row(
    q,
    userRow.extend({
      session_id: col.uuid,
      enrol_only: col.bool,
      idle_left: col.num,
      absolute_left: col.num,
      touch_left: col.num,
    }),
    `WITH found AS (
       SELECT s.id AS session_id, s.enrol_only, s.last_seen_at, s.created_at,
              u.id, u.tenant_id, u.email, u.name, u.partner_id, u.roles
         FROM sessions s JOIN users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
         JOIN partners p ON p.tenant_id = u.tenant_id AND p.id = u.partner_id
        WHERE s.token_hash = $1 AND s.ended_at IS NULL AND u.active AND p.active
          AND s.last_seen_at > now() - make_interval(secs => $2::double precision / 1000)
          AND s.created_at > now() - make_interval(secs => $3::double precision / 1000)),
     touched AS (
       UPDATE sessions t SET last_seen_at = now() FROM found
        WHERE t.id = found.session_id
          AND found.last_seen_at < now() - make_interval(secs => $4::double precision / 1000)
       RETURNING t.id)
     SELECT f.session_id, f.enrol_only, f.id, f.tenant_id, f.email, f.name, f.partner_id, f.roles,
            1000 * extract(epoch FROM (CASE WHEN tt.id IS NULL THEN f.last_seen_at ELSE now() END)
              + make_interval(secs => $2::double precision / 1000) - now())::float8 AS idle_left,
            1000 * extract(epoch FROM f.created_at + make_interval(secs => $3::double precision / 1000) - now())::float8
              AS absolute_left,
            1000 * extract(epoch FROM (CASE WHEN tt.id IS NULL THEN f.last_seen_at ELSE now() END)
              + make_interval(secs => $4::double precision / 1000) - now())::float8 AS touch_left
       FROM found f LEFT JOIN touched tt ON tt.id = f.session_id`,
    [tokenHash, limits.idleMs, limits.absoluteMs, limits.touchMs],
  );
  if (!found) return undefined;
  const session = { sessionId: found.session_id, user: toUser(found), enrolOnly: found.enrol_only };
  const left = Math.min(SESSION_CACHE_MS, found.idle_left, found.absolute_left, found.touch_left);
  if (left > 0 && logouts === logoutsBefore) cacheSession(key, session, sent + left);
  return session;
}

/** Drops a session from this process's cache; lookups under way must not cache what they found. */
function forgetSession(sessionId: string): void {
  logouts++;
  for (const [k, v] of sessionCache) if (v.session.sessionId === sessionId) sessionCache.delete(k);
}

/** NOTIFY channel of ended sessions; the payload is the session id (no personal data). */
export const SESSION_ENDED_CHANNEL = 'session_ended';

export async function endSession(q: Queryable, sessionId: string): Promise<void> {
  forgetSession(sessionId);
  try {
    // The NOTIFY goes out when the UPDATE commits: every instance then forgets the session.
    await execute(
      q,
      `WITH ended AS (
         UPDATE sessions SET ended_at = now() WHERE id = $1 AND ended_at IS NULL RETURNING id)
       SELECT pg_notify('${SESSION_ENDED_CHANNEL}', id::text) FROM ended`,
      [sessionId],
    );
  } finally {
    forgetSession(sessionId);
  }
}

/** Drops sessions from this process's cache at once (the NOTIFY does the same on every instance at commit). */
export function forgetSessions(sessionIds: readonly string[]): void {
  for (const id of sessionIds) forgetSession(id);
}

/**
 * Ends, inside the caller's transaction, every live session of the tenant's users in `users`
 * (their ids) or of all users of a partner, and announces each on `session_ended` as a logout
 * does: the NOTIFYs go out at commit and every instance drops the sessions from its cache. Answers
 * the ended sessions' ids; the caller hands them to `forgetSessions` after the commit, so that this
 * instance forgets them before its answer leaves (the NOTIFY may arrive a moment later). Until the
 * commit other requests still see the sessions as live, as they would a request sent just before.
 */
export async function endSessionsOf(
  q: Queryable,
  tenantId: string,
  whose: { userId: string } | { partnerId: string },
): Promise<string[]> {
  logouts++;
  const [filter, param] =
    'userId' in whose
      ? ['s.user_id = $2', whose.userId]
      : [
          's.user_id IN (SELECT u.id FROM users u WHERE u.tenant_id = $1 AND u.partner_id = $2)',
          whose.partnerId,
        ];
  const ended = await rows(
    q,
    z.object({ id: col.uuid }),
    `WITH ended AS (
       UPDATE sessions s SET ended_at = now()
        WHERE s.tenant_id = $1 AND ${filter} AND s.ended_at IS NULL RETURNING s.id)
     SELECT id, pg_notify('${SESSION_ENDED_CHANNEL}', id::text) AS notified FROM ended`,
    [tenantId, param],
  );
  return ended.map((r) => r.id);
}

/**
 * Ends, inside the caller's transaction, live sessions of one user: the one with id `only`, or all
 * but `except`. Announced on `session_ended` like a logout; answers the ended ids for `forgetSessions`.
 */
export async function endOwnSessions(
  q: Queryable,
  tenantId: string,
  userId: string,
  which: { only: string } | { except: string },
): Promise<string[]> {
  logouts++;
  const ended = await rows(
    q,
    z.object({ id: col.uuid }),
    `WITH ended AS (
       UPDATE sessions s SET ended_at = now()
        WHERE s.tenant_id = $1 AND s.user_id = $2 AND s.ended_at IS NULL
          AND ${'only' in which ? 's.id = $3' : 's.id <> $3'} RETURNING s.id)
     SELECT id, pg_notify('${SESSION_ENDED_CHANNEL}', id::text) AS notified FROM ended`,
    [tenantId, userId, 'only' in which ? which.only : which.except],
  );
  return ended.map((r) => r.id);
}

/** A user's live sessions (not timed out under `limits`), newest first; never the token. */
export function listLiveSessions(
  q: Queryable,
  tenantId: string,
  userId: string,
  limits: { idleMs: number; absoluteMs: number },
) {
  return rows(
    q,
    z.object({
      id: col.uuid,
      created_at: col.timestamp,
      last_seen_at: col.timestamp,
      user_agent: col.text.nullable(),
    }),
    `SELECT id, created_at, last_seen_at, user_agent FROM sessions
      WHERE tenant_id = $1 AND user_id = $2 AND ended_at IS NULL
        AND last_seen_at > now() - make_interval(secs => $3::double precision / 1000)
        AND created_at > now() - make_interval(secs => $4::double precision / 1000)
      ORDER BY created_at DESC, id`,
    [tenantId, userId, limits.idleMs, limits.absoluteMs],
  );
}

/** The session may do everything from now on (its user confirmed tweestapsverificatie). */
export async function endEnrolOnly(q: Queryable, sessionId: string): Promise<void> {
  logouts++;
  await execute(
    q,
    `WITH done AS (UPDATE sessions SET enrol_only = false WHERE id = $1 AND enrol_only RETURNING id)
     SELECT pg_notify('${SESSION_ENDED_CHANNEL}', id::text) FROM done`,
    [sessionId],
  );
}

/**
 * A user's live sessions stay, but every instance drops what it cached of them (roles, partner,
 * name), so a changed user is served as changed from the next request on, not up to 2 s later.
 * It reuses the `session_ended` channel, whose listener does exactly that: forget the cached session.
 */
export async function refreshSessionsOf(q: Queryable, tenantId: string, userId: string): Promise<string[]> {
  logouts++;
  const live = await rows(
    q,
    z.object({ id: col.uuid }),
    `SELECT s.id, pg_notify('${SESSION_ENDED_CHANNEL}', s.id::text) AS notified FROM sessions s
      WHERE s.tenant_id = $1 AND s.user_id = $2 AND s.ended_at IS NULL`,
    [tenantId, userId],
  );
  return live.map((r) => r.id);
}

/** Forgets sessions ended on any app instance on this database; resolves with the stop function. */
export function listenForEndedSessions(db: Db): Promise<() => Promise<void>> {
  return db.listen(SESSION_ENDED_CHANNEL, forgetSession);
}

/**
 * The active accounts the demo seed made, in the order the seed made them. Only a demo tenant's
 * accounts marked as demo accounts count, so a real municipality's database lists none.
 */
export function listDemoAccounts(q: Queryable): Promise<DemoAccount[]> {
  return rows(
    q,
    z.object({ email: col.text, name: col.text, roles: z.array(z.enum(ROLES)), partnerName: col.text }),
    `SELECT u.email, u.name, u.roles, p.name AS "partnerName"
       FROM users u JOIN tenants t ON t.id = u.tenant_id
       JOIN partners p ON p.tenant_id = u.tenant_id AND p.id = u.partner_id
      WHERE t.demo AND u.demo_account AND u.active
      ORDER BY u.created_at, u.email`,
  );
}
