import type { AuditAction, AuditObjectType, Permission, Role, User } from '@wijkregie/shared';
import type { TenantDb } from '../db/scope.js';

/** The logged-in user as a session knows them: a user of one tenant. */
export interface SessionUser extends User {
  tenantId: string;
}

/**
 * What a use case reports about one access (read, change, refusal); who, for which tenant and why
 * come from the context. The audit module turns it into a record of the tenant's chain.
 */
export interface AuditEvent {
  action: AuditAction;
  objectType: AuditObjectType;
  objectId?: string | null;
  objectIds?: string[] | null;
  personIds?: string[];
  /** The activity of the register of processing this access falls under (a case's or signal's own). */
  processingActivityId?: string | null;
  details?: Record<string, unknown> | null;
}

/** Who is asking, for which tenant, through which database handle. Flows explicitly into use cases. */
export interface RequestContext {
  tenantId: string;
  userId: string;
  partnerId: string;
  roles: readonly Role[];
  user: SessionUser;
  sessionId: string;
  /** The session may only set up tweestapsverificatie (the auth hook refuses every other operation). */
  enrolOnly: boolean;
  db: TenantDb;
  /** Why the data is processed, as the route declares it; goes into every audit record. */
  purpose: string;
  /**
   * The trace of this request (Logboek Dataverwerkingen): the trace-id of a valid W3C `traceparent`
   * header, else one made for the request. Goes into every audit record of the request.
   */
  traceId: string;
  /**
   * Logs reads: resolves once the records are committed (group commit), so a read never answers
   * before its audit record is safe. Writes append their records in their own transaction instead.
   */
  auditRead(events: readonly AuditEvent[]): Promise<void>;
  /** Base URL for links in emails (`WIJKREGIE_PUBLIC_URL`). */
  publicUrl: string;
  /** Whether the session behind this request is still active (for long-lived streams). */
  sessionActive(): Promise<boolean>;
}

/** What a route requires: nobody (`public`), any logged-in user (`session`), or a permission. */
export type RouteAuth = 'public' | 'session' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
    /** The purpose of processing recorded in the audit log for this route. */
    purpose?: string;
    /** A session that may only set up tweestapsverificatie may call this route. */
    duringEnrolment?: boolean;
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
