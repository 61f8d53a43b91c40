import type { Permission, Role } from '@wijkregie/shared';
import type { TenantDb } from '../db/scope.js';
import type { SessionUser } from '../modules/session/repository.js';

/** Who is asking, for which tenant, through which database handle. Flows explicitly into use cases. */
export interface RequestContext {
  tenantId: string;
  userId: string;
  partnerId: string;
  roles: readonly Role[];
  user: SessionUser;
  sessionId: string;
  db: TenantDb;
}

/** What a route requires: nobody (`public`), any logged-in user (`session`), or a permission. */
export type RouteAuth = 'public' | 'session' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    ctx: RequestContext | null;
  }
}

/** The context of an authenticated route; the auth hook guarantees it is set. */
export function ctxOf(req: { ctx: RequestContext | null }): RequestContext {
  if (!req.ctx) throw new Error('route without session used ctxOf');
  return req.ctx;
}
