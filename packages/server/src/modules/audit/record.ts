import type { TenantScope } from '../../db/scope.js';
import type { AuditEvent, RequestContext } from '../../http/context.js';
import { auditEntries } from './context.js';
import { appendAudit } from './repository.js';

/**
 * The one way a use case records a change: inside its transaction, for the caller of `ctx`, so the
 * record commits with the change or not at all. Reads are recorded with `ctx.auditRead`.
 */
export function audit(s: TenantScope, ctx: RequestContext, ...events: AuditEvent[]): Promise<void> {
  return appendAudit(s.q, auditEntries(ctx, events));
}
