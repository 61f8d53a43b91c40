import type { AuditEvent, RequestContext } from '../../http/context.js';
import type { AuditEntry } from './repository.js';

/** The entries of `events` for the caller of `ctx`: who, for which tenant and why. */
export function auditEntries(ctx: RequestContext, events: readonly AuditEvent[]): AuditEntry[] {
  return events.map((e) => ({
    ...e,
    tenantId: ctx.tenantId,
    userId: ctx.userId,
    partnerId: ctx.partnerId,
    purpose: ctx.purpose,
    traceId: ctx.traceId,
  }));
}
