import type { AuditList, AuditListQuery } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { searchAudit } from './repository.js';

/** The tenant's audit log, newest first, by object or user; reading it is itself recorded. */
export async function listAudit(ctx: RequestContext, query: AuditListQuery): Promise<AuditList> {
  const result = await searchAudit(ctx.db.read, query);
  await ctx.auditRead([
    { action: 'read', objectType: 'audit', details: { objectId: query.objectId, userId: query.userId } },
  ]);
  return result;
}
