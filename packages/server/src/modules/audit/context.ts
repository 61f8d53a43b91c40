import type { RequestContext } from '../../http/context.js';
import type { AuditEntry } from './repository.js';

/** What a use case reports about one access; who, for which tenant and why come from the context. */
export type AuditEvent = Omit<AuditEntry, 'tenantId' | 'userId' | 'partnerId' | 'purpose'>;

export function auditEntries(ctx: RequestContext, events: readonly AuditEvent[]): AuditEntry[] {
  return events.map((e) => ({
    ...e,
    tenantId: ctx.tenantId,
    userId: ctx.userId,
    partnerId: ctx.partnerId,
    purpose: ctx.purpose,
  }));
}
