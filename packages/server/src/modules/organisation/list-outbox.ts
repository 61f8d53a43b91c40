import type { OutboxList, OutboxListQuery } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { listOutbox as readOutbox } from './repository.js';

/** The tenant's outgoing email for the admin page: sent, waiting and failed, newest first. */
export function listOutbox(ctx: RequestContext, q: OutboxListQuery): Promise<OutboxList> {
  return readOutbox(ctx.db.read, q.status, { limit: q.limit, offset: q.offset });
}
