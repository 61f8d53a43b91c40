import type { AuditVerify } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { verifyChain } from './repository.js';

/** Walks the caller's tenant's chain from the start with the audit key (see `verifyChain`). */
export function verifyAudit(ctx: RequestContext): Promise<AuditVerify> {
  const s = ctx.db.read;
  return verifyChain(s.q, s.tenantId);
}
