import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { endOwnSessions, forgetSessions } from './repository.js';

/**
 * `DELETE /session/sessions/:id`: ends one of the user's own live sessions (on every instance at
 * once); the current one too, which is a logout. Another user's session does not exist here (404).
 */
export async function endOwnSession(ctx: RequestContext, id: string): Promise<void> {
  const ended = await ctx.db.transaction((s) => endOwnSessions(s.q, s.tenantId, ctx.userId, { only: id }));
  forgetSessions(ended);
  if (!ended.length) throw notFound('Deze sessie bestaat niet (meer).');
}
