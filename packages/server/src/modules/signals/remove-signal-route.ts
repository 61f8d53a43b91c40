import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { deleteRoute } from './configuration-repository.js';

/** `DELETE /signal-routes/:id`: removes a routing rule, audited. */
export function removeSignalRoute(ctx: RequestContext, id: string): Promise<void> {
  return ctx.db.transaction(async (s) => {
    if (!(await deleteRoute(s, id))) throw notFound('Deze regel bestaat niet.');
    await audit(s, ctx, { action: 'delete', objectType: 'signal_route', objectId: id });
  });
}
