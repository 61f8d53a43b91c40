import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { endSessionsOf, forgetSessions } from '../session/repository.js';
import { deleteTotp } from '../session/totp-repository.js';
import { lockUser } from './repository.js';

/**
 * `DELETE /users/:id/totp` (admin): a user lost their authenticator: their secret and recovery codes
 * go, so they log in with their password again (and set up TOTP anew, at once when their role
 * requires it). The user's live sessions end with it: the lost device may still be signed in.
 * Audited, also when there was nothing to reset (`hadTotp`), with the number of ended sessions.
 */
export async function resetUserTotp(ctx: RequestContext, id: string): Promise<void> {
  const ended = await ctx.db.transaction(async (s) => {
    if (!(await lockUser(s, id))) throw notFound('Deze gebruiker bestaat niet.');
    const hadTotp = await deleteTotp(s.q, s.tenantId, id);
    const sessions = await endSessionsOf(s.q, s.tenantId, { userId: id });
    await audit(s, ctx, {
      action: 'update',
      objectType: 'user',
      objectId: id,
      details: { totp: 'reset', hadTotp, endedSessions: sessions.length },
    });
    return sessions;
  });
  forgetSessions(ended);
}
