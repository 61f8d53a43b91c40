import { randomUUID } from 'node:crypto';
import { hasPermission, SESSION_ABSOLUTE_MS, SESSION_COOKIE, SESSION_IDLE_MS } from '@wijkregie/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SystemDb } from '../db/scope.js';
import type { AuditEvent, RequestContext, SessionUser } from './context.js';
import { AppError, forbidden } from './errors.js';

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
  /** How stale `last_seen_at` may get before a request refreshes it. */
  touchMs: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = {
  idleMs: SESSION_IDLE_MS,
  absoluteMs: SESSION_ABSOLUTE_MS,
  touchMs: 30_000,
};

const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;

/**
 * The trace id of a request for the audit log (Logboek Dataverwerkingen): the trace-id of a valid W3C
 * `traceparent` header (not all zeros), so a record can be followed to the calling system; else a new
 * random one in the same form.
 */
export function traceIdOf(req: Pick<FastifyRequest, 'headers'>): string {
  const header = req.headers.traceparent;
  const found = typeof header === 'string' ? TRACEPARENT.exec(header.trim().toLowerCase()) : null;
  const traceId = found?.[1];
  if (traceId && !/^0+$/.test(traceId)) return traceId;
  // A random UUID's 32 hex digits (122 random bits): Node draws them from an entropy buffer it fills in
  // batches, where randomBytes(16) asked OpenSSL on every request (1.3 % of the server's CPU under load).
  return randomUUID().replaceAll('-', '');
}

/** What the auth hook needs of the session and audit modules; app.ts hands them in. */
export interface AuthDeps {
  system: SystemDb;
  limits: SessionLimits;
  publicUrl: string;
  /** The live session of a cookie token, or undefined (unknown, ended, timed out). */
  findSession(
    token: string,
    limits: SessionLimits,
  ): Promise<{ sessionId: string; user: SessionUser; enrolOnly: boolean } | undefined>;
  /** Records reads for the caller of `ctx` (group commit); resolves once they are committed. */
  recordReads(ctx: RequestContext, events: readonly AuditEvent[]): Promise<void>;
}

/**
 * Every API route declares `config.auth`; registering one without it fails at start. Before the
 * body is even parsed, this hook finds the session (401 without one) and checks the route's
 * permission (403), then hands the route a RequestContext bound to the caller's tenant.
 */
export function registerAuth(app: FastifyInstance, deps: AuthDeps) {
  const { system, limits, publicUrl } = deps;
  app.decorateRequest('ctx', null);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1/') && route.config?.auth === undefined) {
      throw new Error(`route ${route.method} ${route.url} declares no auth`);
    }
  });
  app.addHook('onRequest', async (req) => {
    const auth = req.routeOptions.config.auth;
    if (auth === undefined || auth === 'public') return;
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await deps.findSession(token, limits) : undefined;
    if (!token || !session) throw new AppError('unauthenticated', 'Log in om verder te gaan.');
    const { user } = session;
    const ctx: RequestContext = {
      tenantId: user.tenantId,
      userId: user.id,
      partnerId: user.partnerId,
      roles: user.roles,
      user,
      sessionId: session.sessionId,
      enrolOnly: session.enrolOnly,
      db: system.forTenant(user.tenantId),
      purpose: req.routeOptions.config.purpose ?? 'Wijkregie',
      traceId: traceIdOf(req),
      auditRead: (events) => deps.recordReads(ctx, events),
      publicUrl,
      // A stream asking is no activity of the user: it must not keep an idle session alive.
      sessionActive: async () => (await deps.findSession(token, { ...limits, touchMs: 1e12 })) !== undefined,
    };
    req.ctx = ctx;
    if (session.enrolOnly && req.routeOptions.config.duringEnrolment !== true) {
      throw new AppError(
        'mfa-enrolment-required',
        'Voor jouw rol is tweestapsverificatie verplicht. Stel die eerst in (Mijn account › Beveiliging: koppel een authenticator-app); daarna kun je verder.',
      );
    }
    if (auth !== 'session' && !hasPermission(user, auth)) throw forbidden();
  });
}
